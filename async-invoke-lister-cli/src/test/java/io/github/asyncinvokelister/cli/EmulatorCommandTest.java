package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatorCommandTest {
    private final AtomicReference<BedrockRuntimeEmulator> held = new AtomicReference<>();
    private final AtomicLong listed = new AtomicLong();

    private Cli.Run emulatorCommand(String... args) {
        Dependencies dependencies = new Dependencies(options -> {
            throw new AssertionError("no client is made");
        }, () -> false, running -> {
            held.set(running);
            listed.set(AsyncInvokeLister.create(running.client()).stream(ListAsyncInvokesQuery.all()).count());
        });
        String[] command = new String[args.length + 1];
        command[0] = "emulator";
        System.arraycopy(args, 0, command, 1, args.length);
        return Cli.run(dependencies, command);
    }

    @Test
    void servesTheGeneratedDataAndSaysWhereFirst() {
        Cli.Run run = emulatorCommand("--port", "0", "--items", "7", "--seed", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(listed).hasValue(7);
        assertThat(run.out().lines().findFirst()).hasValue("Bedrock Runtime emulator listening on "
                + held.get().endpoint() + " (7 invocations, seed 3)");
        assertThat(held.get().port()).isPositive();
    }

    @Test
    void closesTheEmulatorWhenTheForegroundEnds() {
        emulatorCommand("--port", "0", "--items", "1");

        assertThatIllegalStateException().isThrownBy(() -> held.get().client());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|70000|--port must be 0 to 65535: 70000",
        "--items|-1|--items must not be negative: -1",
        "--seed|x|is not a long"})
    void badFlagsExit252WithOneLine(String flag, String value, String message) {
        Cli.Run run = emulatorCommand(flag, value);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains(message);
        assertThat(held.get()).isNull();
    }

    @Test
    void aPortInUseExits255() {
        try (BedrockRuntimeEmulator other = BedrockRuntimeEmulator.builder().start()) {
            Cli.Run run = emulatorCommand("--port", String.valueOf(other.port()));

            assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("error: cannot listen on port " + other.port());
        }
    }
}
