package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
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
import java.util.concurrent.TimeUnit;
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
