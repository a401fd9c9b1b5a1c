package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.Lifecycle;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.document.Document;

/** {@code wait async-invoke-completed} and {@code watch}, against an emulator whose invocations end in real time. */
class WaitAndWatchCommandTest {
    private static final String REEL = "amazon.nova-reel-v1:1";
    private static final String RAY = "luma.ray-v2:0";
    private static final String STUCK = "stuck.model-v1:0";

    private BedrockRuntimeEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockRuntimeEmulator.builder()
                .lifecycle(Lifecycle.completesAfter(Duration.ofMillis(600)))
                .lifecycle(RAY, Lifecycle.failsAfter(Duration.ofMillis(300), "The prompt was blocked."))
                .lifecycle(STUCK, Lifecycle.runsUntilEnded())
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String startJob(String modelId) {
        return emulator.client().startAsyncInvoke(r -> r.modelId(modelId)
                .modelInput(Document.fromMap(Map.of("taskType", Document.fromString("TEXT_VIDEO"))))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://media-bucket/reels"))))
                .invocationArn();
    }

    private Cli.Run waitFor(List<String> arns, String... flags) {
        List<String> args = new ArrayList<>(List.of("wait", "async-invoke-completed", "--poll-interval", "100ms"));
        args.addAll(List.of(flags));
        args.add("--invocation-arns");
        args.addAll(arns);
        return Cli.run(Cli.against(emulator), args.toArray(String[]::new));
    }

    @Test
    void waitReturnsQuietlyWhenEveryInvocationCompleted() {
        List<String> arns = List.of(startJob(REEL), startJob(REEL), startJob(REEL));

        Cli.Run run = waitFor(arns);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(emulator.invocations()).allSatisfy(i -> assertThat(i.status()).contains("Completed"));
    }

    @Test
    void waitExits255WithOneLineNamingTheFailedOnes() {
        String completes = startJob(REEL);
        String fails = startJob(RAY);

        Cli.Run run = waitFor(List.of(completes, fails));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Waiter AsyncInvokeCompleted failed: Waiter encountered a terminal failure state: 1 of 2")
                .contains(fails).doesNotContain(completes);
    }

    @Test
    void waitTimesOutWithTheOnesStillRunning() {
        String stuck = startJob(STUCK);

        Cli.Run run = waitFor(List.of(stuck, startJob(REEL)), "--timeout", "1500ms");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("Waiter AsyncInvokeCompleted failed: Max wait exceeded: 1 of 2 invocations still running"
                        + " after 1.5s: " + stuck);
    }

    @Test
    void anArnTheServiceDoesNotKnowFailsTheWaiterAndAMalformedOneIsABadFlag() {
        String unknown = "arn:aws:bedrock:us-east-1:123456789012:async-invoke/zzzzzzzzzzzz";

        Cli.Run notFound = waitFor(List.of(startJob(REEL), unknown));
        Cli.Run malformed = waitFor(List.of("arn:aws:bedrock:nope"));

        assertThat(notFound.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(notFound.errLines()).singleElement().asString().contains(unknown);
        assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(malformed.errLines()).singleElement().asString().startsWith("error: --invocation-arns:")
                .contains("arn:aws:bedrock:nope");
    }

    @Test
    void aMalformedArnIsRefusedBeforeTheConfigurationIsRead() {
        // No region anywhere: a configuration error, but the bad flag is said first, as for every command.
        SdkClientFactory unconfigured = new SdkClientFactory(null, java.time.Duration.ofSeconds(5), name -> null,
                () -> software.amazon.awssdk.profiles.ProfileFile.builder().type(
                        software.amazon.awssdk.profiles.ProfileFile.Type.CONFIGURATION).content("").build(),
                List::of);

        Cli.Run run = Cli.run(new Dependencies(unconfigured, () -> false, running -> { }), "wait",
                "async-invoke-completed", "--invocation-arns", "arn:aws:bedrock:nope");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: --invocation-arns:")
                .contains("arn:aws:bedrock:nope");
    }

    @Test
    void aServiceErrorThatWaitingCannotFixFailsTheWaiter() {
        String arn = startJob(REEL);
        emulator.faults().next(Fault.ACCESS_DENIED);

        Cli.Run run = waitFor(List.of(arn));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Waiter AsyncInvokeCompleted failed: An error occurred (AccessDeniedException)");
    }

    @Test
    void aServiceThatSendsEmptyPagesForEverFailsTheWaiterWithOneLine() {
        String arn = startJob(REEL);
        emulator.faults().rate(Fault.EMPTY_PAGE_WITH_TOKEN, 1.0, 7);

        Cli.Run run = waitFor(List.of(arn));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.errLines()).singleElement().asString().startsWith("Waiter AsyncInvokeCompleted failed: ")
                .contains("empty pages");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--poll-interval|0s|--poll-interval must be positive",
        "--timeout|soon|'soon' is not a duration",
        "--region|us east|--region must be a region name"})
    void badFlagsExit252WithOneLine(String flag, String value, String message) {
        Cli.Run run = Cli.run(Cli.against(emulator), "wait", "async-invoke-completed", flag, value,
                "--invocation-arns", "arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaaa");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains(message);
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void waitWithoutArnsOrWaiterSaysHow() {
        assertThat(Cli.run(Cli.against(emulator), "wait", "async-invoke-completed").exitCode())
                .isEqualTo(ExitCode.USAGE);
        Cli.Run bare = Cli.run(Cli.against(emulator), "wait");
        assertThat(bare.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bare.err()).contains("async-invoke-completed");
    }

    @Test
    void watchPrintsEachAsItEndsThenExits() throws IOException {
        Instant since = Instant.now().minusSeconds(1);
        String early = startJob(RAY);
        List<String> later = List.of(startJob(REEL), startJob(REEL), startJob(RAY));

        Cli.Run run = Cli.run(Cli.against(emulator), "watch", "--submit-time-after", since.toString(),
                "--poll-interval", "100ms");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> arns = new ArrayList<>();
        for (String line : lines) {
            Map<String, String> fields = fields(line);
            assertThat(fields.get("status")).isIn("Completed", "Failed");
            arns.add(fields.get("invocationArn"));
        }
        assertThat(arns).doesNotHaveDuplicates().containsAll(later).contains(early);
        assertThat(emulator.invocations()).noneSatisfy(i -> assertThat(i.status()).contains("InProgress"));
    }

    @Test
    void watchWithNothingInProgressPrintsTheEndedAndExits() throws IOException {
        String failed = startJob(STUCK);
        String completed = startJob(STUCK);
        emulator.fail(failed, "The output bucket does not exist.");
        emulator.complete(completed);

        Cli.Run run = Cli.run(Cli.against(emulator), "watch", "--sort-order", "Ascending", "--poll-interval", "1h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().map(line -> {
            try {
                return fields(line).get("invocationArn");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).containsExactly(failed, completed);
    }

    /** The top-level string members of one line of ndjson. */
    private static Map<String, String> fields(String line) throws IOException {
        Map<String, String> fields = new java.util.HashMap<>();
        try (JsonParser json = new JsonFactory().createParser(line)) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                if (json.nextToken() == JsonToken.VALUE_STRING) {
                    fields.put(name, json.getText());
                } else {
                    json.skipChildren();
                }
            }
        }
        return fields;
    }
}
