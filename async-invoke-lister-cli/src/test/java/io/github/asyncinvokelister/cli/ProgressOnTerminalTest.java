package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line shows whenever standard error is a terminal, here a pseudo-terminal from util-linux's
 * {@code script}, while standard input is not one and standard output goes into a file; and it is erased at the end.
 * Skipped with a message where {@code script} is not installed.
 */
class ProgressOnTerminalTest {
    @TempDir
    Path dir;

    @Test
    void showsOnATerminalStandardErrorWhileTheOutputGoesIntoAFile() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux's script is not installed: no pseudo-terminal to test on");
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(1000, 4)
                .latency(Duration.ofMillis(100)).start()) {
            Path out = dir.resolve("out.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = java + " -cp " + System.getProperty("java.class.path") + " " + Main.class.getName()
                    + " list-async-invokes --endpoint-url " + emulator.endpoint() + " --region us-east-1"
                    + " --page-size 50 > " + out;
            ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "-qec", command,
                    dir.resolve("typescript").toString())).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null")));
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
            builder.environment().put("AWS_CONFIG_FILE", dir.resolve("none").toString());
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
            Process process = builder.start();
            String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assumeTrue(process.exitValue() == 0 || !terminal.contains("pseudo-terminal"),
                    "script could not open a pseudo-terminal here: " + terminal.strip());
            assertThat(process.exitValue()).as(terminal).isZero();
            assertThat(terminal).contains("listed ").contains(" items in ").contains(" pages, ");
            // Erased at the end: the last thing on the terminal is a carriage return after blanks.
            assertThat(terminal).matches("(?s).*\\r +\\r\\s*");
            assertThat(new ObjectMapper().readTree(Files.readString(out)).get("asyncInvokeSummaries")).hasSize(1000);
        }
    }
}
