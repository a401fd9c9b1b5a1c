package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;

class EmulatorCommandTest {
    private final AtomicReference<BedrockRuntimeEmulator> held = new AtomicReference<>();
    private final AtomicLong listed = new AtomicLong();

    private Cli.Run emulatorCommand(String... args) {
        return emulatorCommandDoing(running -> listed.set(AsyncInvokeLister.create(running.client())
                .stream(ListAsyncInvokesQuery.all()).count()), args);
    }

    /** Runs the command, doing {@code during} with the emulator while it is up. */
    private Cli.Run emulatorCommandDoing(Consumer<BedrockRuntimeEmulator> during, String... args) {
        Dependencies dependencies = new Dependencies(options -> {
            throw new AssertionError("no client is made");
        }, () -> false, running -> {
            held.set(running);
            during.accept(running);
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

    private static String start(BedrockRuntimeClient client, String modelId) {
        return client.startAsyncInvoke(r -> r.modelId(modelId).modelInput(Document.fromMap(Map.of()))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bucket/videos")))).invocationArn();
    }

    @Test
    void startedInvocationsCompleteAfterTheGivenDurationByDefault() {
        AtomicReference<String> status = new AtomicReference<>();
        Cli.Run run = emulatorCommandDoing(running -> {
            String arn = start(running.client(), "amazon.nova-reel-v1:1");
            status.set(running.invocation(arn).orElseThrow().status().orElseThrow());
        }, "--port", "0", "--complete-after", "0s");

        assertThat(run.exitCode()).isZero();
        assertThat(status).hasValue("Completed");
        assertThat(run.out().lines().skip(1).findFirst()).hasValue("started invocations: Completed after 0s");
    }

    @Test
    void aFailedFractionOfOneFailsEachWithTheMessage() {
        AtomicReference<Invocation> failed = new AtomicReference<>();
        Cli.Run run = emulatorCommandDoing(running -> failed.set(running.invocation(start(running.client(),
                "luma.ray-v2:0")).orElseThrow()),
                "--port", "0", "--fail-after", "PT0S", "--failed-fraction", "1", "--failure-message", "blocked");

        assertThat(run.exitCode()).isZero();
        assertThat(failed.get().status()).contains("Failed");
        assertThat(failed.get().failureMessage()).contains("blocked");
    }

    @Test
    void aSplitSaysBothDurationsAndEndsSomeEachWay() {
        List<String> statuses = new ArrayList<>();
        Cli.Run run = emulatorCommandDoing(running -> {
            for (int i = 0; i < 40; i++) {
                statuses.add(running.invocation(start(running.client(), "amazon.nova-reel-v1:1")).orElseThrow()
                        .status().orElseThrow());
            }
        }, "--port", "0", "--complete-after", "0s", "--fail-after", "0s", "--failed-fraction", "0.5");

        assertThat(run.out()).contains("started invocations: Completed after 0s, or Failed after 0s (a share of 0.5)");
        assertThat(statuses).contains("Completed", "Failed").containsOnly("Completed", "Failed");
    }

    @Test
    void knownModelsAndTheQuotaAreTheEmulators() {
        List<Class<?>> errors = new ArrayList<>();
        emulatorCommandDoing(running -> {
            BedrockRuntimeClient client = running.client();
            start(client, "amazon.nova-reel-v1:1");
            for (String model : List.of("amazon.nova-reel-v9:0", "amazon.nova-reel-v1:1")) {
                try {
                    start(client, model);
                } catch (RuntimeException e) {
                    errors.add(e.getClass());
                }
            }
        }, "--port", "0", "--known-model", "amazon.nova-reel-v1:1", "--known-model", "luma.ray-v2:0",
                "--in-progress-quota", "1");

        assertThat(errors).containsExactly(ResourceNotFoundException.class, ServiceQuotaExceededException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--port|70000|--port must be 0 to 65535: 70000",
        "--items|-1|--items must not be negative: -1",
        "--seed|x|is not a long",
        "--complete-after|soon|'soon' is not a duration such as 500ms, 30s, 2m, 1h or PT2M",
        "--fail-after|-PT1S|'-PT1S' is negative",
        "--complete-after|99999999999999h|is not a duration",
        "--failed-fraction|1.5|--failed-fraction must be 0 to 1: 1.5",
        "--failed-fraction|NaN|--failed-fraction must be 0 to 1: NaN",
        "--failure-message|\"\"|--failure-message must not be empty",
        "--in-progress-quota|0|--in-progress-quota must be at least 1: 0"})
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

    /** The standalone server as boto3 and AWS CLI users start it: a process of its own, stopped by a signal. */
    @Test
    void aChildProcessServesInTheForegroundAndPrintsWhereItListens() throws Exception {
        Process process = javaMain("emulator", "--port", "0", "--items", "20", "--seed", "9");
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();

            assertThat(line).matches("Bedrock Runtime emulator listening on http://127\\.0\\.0\\.1:\\d+ "
                    + "\\(20 invocations, seed 9\\)");
            URI endpoint = URI.create(line.replaceAll(".* on (\\S+) .*", "$1"));
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve("/async-invoke")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains(BedrockRuntimeEmulator.generate(20, 9).get(19).invocationArn());
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aChildProcessRejectsBadOptionsWithExitStatus252() throws Exception {
        Process process = javaMain("emulator", "--items", "-1");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.USAGE);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--items must not be negative: -1");
    }

    private static Process javaMain(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
