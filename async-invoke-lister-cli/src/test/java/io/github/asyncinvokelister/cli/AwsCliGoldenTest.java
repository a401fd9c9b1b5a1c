package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --output text} and {@code --query} byte for byte against what AWS CLI 1.45.11 printed for the same flags over
 * the same emulator data, recorded in {@code golden/aws-cli-text-query} by {@code record_aws_cli_golden.py}; so the
 * comparison runs where the AWS CLI is not installed. {@code aws_cli_conformance.py} makes more of them live.
 */
class AwsCliGoldenTest {
    private static final String DIR = "/golden/aws-cli-text-query/";
    private static BedrockRuntimeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(60, 42).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        int number = 0;
        for (String line : read("cases.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            number++;
            cases.add(Arguments.of(line, String.format("%02d.out", number)));
        }
        return cases.stream();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = AwsCliGoldenTest.class.getResourceAsStream(DIR + name)) {
            return new String(Objects.requireNonNull(in, DIR + name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.api.Test
    void aBadQueryOrOneForAnotherOutputIsABadFlagBeforeAnyRequest() {
        emulator.clearRequests();
        Cli.Run bad = Cli.run(Cli.against(emulator), "list-async-invokes", "--query", "[[[");
        Cli.Run ndjson = Cli.run(Cli.against(emulator), "list-async-invokes", "--query", "@", "--output", "ndjson");

        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.errLines()).singleElement().asString().startsWith("error: Bad value for --query [[[:");
        assertThat(ndjson.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(ndjson.errLines()).singleElement().asString().contains("--query works with --output json or text");
        assertThat(emulator.requestCount()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aLegacyLiteralThatIsNotJsonIsAStringAndQuotedTextIsLeftAlone() {
        assertThat(Query.legacyLiterals("a[?s==`Failed`]")).isEqualTo("a[?s==`\"Failed\"`]");
        assertThat(Query.legacyLiterals("a[?n==`1`] | [?t==`true`] | `\"x\"`")).isEqualTo(
                "a[?n==`1`] | [?t==`true`] | `\"x\"`");
        assertThat(Query.legacyLiterals("a[?s=='`not a literal`'].\"`b`\"")).isEqualTo(
                "a[?s=='`not a literal`'].\"`b`\"");
        assertThat(Query.legacyLiterals("`  spaced`")).isEqualTo("`\"spaced\"`");
        assertThat(Query.compile("asyncInvokeSummaries[?status==`Failed`] | length(@)").search(java.util.Map.of(
                "asyncInvokeSummaries", List.of(java.util.Map.of("status", "Failed"),
                        java.util.Map.of("status", "Completed"))))).isEqualTo(1L);
    }

    @org.junit.jupiter.api.Test
    void onATerminalTextShowsAServersEscapeSequencesInsteadOfObeyingThem() {
        String summary = "{\"invocationArn\": \"arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl\","
                + " \"modelArn\": \"m\", \"status\": \"Failed\", \"failureMessage\": \"\\u001b[2Jgone\","
                + " \"submitTime\": \"2025-01-01T00:00:00Z\", \"outputDataConfig\": {\"s3OutputDataConfig\":"
                + " {\"s3Uri\": \"s3://b/k\"}}}";
        String body = "{\"asyncInvokeSummaries\": [" + summary + "]}";
        Dependencies terminal = new Dependencies(options -> emulator.clientBuilder(), () -> false, () -> true,
                running -> { });

        emulator.faults().next(io.github.asyncinvokelister.emulator.Fault.respond(body));
        Cli.Run onTerminal = Cli.run(terminal, "list-async-invokes", "--output", "text");
        emulator.faults().next(io.github.asyncinvokelister.emulator.Fault.respond(body));
        Cli.Run intoAFile = Cli.run(Cli.against(emulator), "list-async-invokes", "--output", "text");

        assertThat(onTerminal.out()).contains("\\x1b[2Jgone").doesNotContain("\u001b");
        assertThat(intoAFile.out()).contains("\u001b[2Jgone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatTheAwsCliPrinted(String flags, String golden) throws IOException {
        List<String> args = new ArrayList<>(List.of("list-async-invokes"));
        args.addAll(List.of(flags.split(" ")));

        Cli.Run run = Cli.run(Cli.against(emulator), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(read(golden));
    }
}
