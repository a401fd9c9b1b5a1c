package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    private static final Dependencies NOTHING = new Dependencies(options -> {
        throw new AssertionError("no client is made");
    }, () -> false, running -> { });

    @Test
    void withoutACommandItShowsTheUsageAndExits252() {
        Cli.Run run = Cli.run(NOTHING);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: async-invoke-lister").contains("list-async-invokes, list", "emulator");
    }

    @Test
    void anUnknownCommandExits252() {
        Cli.Run run = Cli.run(NOTHING, "list-invocations");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("'list-invocations'");
    }

    @Test
    void helpOfEachCommandGoesToStandardOutputAndExitsZero() {
        for (String command : new String[] {"list-async-invokes", "emulator"}) {
            Cli.Run run = Cli.run(NOTHING, command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: async-invoke-lister " + command);
            assertThat(run.err()).isEmpty();
        }
        assertThat(Cli.run(NOTHING, "list-async-invokes", "--help").out())
                .contains("--submit-time-after", "--submit-time-before", "--status-equals", "--sort-by",
                        "--sort-order", "--starting-token", "--page-size", "--max-items", "--no-paginate",
                        "--max-results", "--next-token", "--output", "--endpoint-url", "--region", "--profile",
                        "--cli-read-timeout", "--cli-connect-timeout", "--emulator");
    }

    @Test
    void versionNamesTheTool() {
        Cli.Run run = Cli.run(NOTHING, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("async-invoke-lister ");
    }
}
