package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A signal sent to a listing running in a process of its own, writing JSON into a file: the file is a whole JSON
 * document whose {@code NextToken} resumes right after the last item in it, standard error says so, and the exit code
 * is the signal's (130 for SIGINT, as the AWS CLI's; 143 for SIGTERM).
 */
class InterruptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 2000;

    private static BedrockRuntimeEmulator emulator;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        // Slow pages, so that the signal comes in the middle of the listing.
        emulator = BedrockRuntimeEmulator.builder().generated(ITEMS, 9).latency(Duration.ofMillis(150)).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.clearRequests();
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalClosesTheJsonWithTheTokenThatResumesAfterTheLastItemPrinted(String signal, int exitCode)
            throws Exception {
        assumeFalse(signal.equals("INT") && sigintIgnored(), "SIGINT is ignored in this process, and so in its"
                + " children (a background job of a non-interactive shell): it cannot reach the listing");
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "list-async-invokes", "--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1",
                "--page-size", "50"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("none").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process listing = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (emulator.requestCount() < 4 && System.nanoTime() < deadline && listing.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(emulator.requestCount()).as("pages requested before the signal").isGreaterThanOrEqualTo(4);

        if (signal.equals("TERM")) {
            listing.destroy(); // SIGTERM
        } else {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(listing.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(listing.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(listing.exitValue()).isEqualTo(exitCode);
        JsonNode document = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        int printed = document.get("asyncInvokeSummaries").size();
        assertThat(printed).isPositive().isLessThan(ITEMS).isEqualTo(printed / 50 * 50);
        String token = document.get("NextToken").asText();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo("interrupted after " + printed
                + " items; to resume after them: --starting-token " + token + "\n");

        List<String> whole = arns(Cli.run(Cli.against(emulator), "list-async-invokes", "--page-size", "1000"));
        List<String> rest = arns(Cli.run(Cli.against(emulator), "list-async-invokes", "--page-size", "1000",
                "--starting-token", token));
        List<String> before = new ArrayList<>();
        document.get("asyncInvokeSummaries").forEach(item -> before.add(item.get("invocationArn").asText()));
        assertThat(before).isEqualTo(whole.subList(0, printed));
        assertThat(rest).isEqualTo(whole.subList(printed, ITEMS));
    }

    private static List<String> arns(Cli.Run run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> arns = new ArrayList<>();
        JSON.readTree(run.out()).get("asyncInvokeSummaries").forEach(item -> arns.add(item.get("invocationArn")
                .asText()));
        return arns;
    }

    /** Whether this process ignores SIGINT (signal 2), which its children then ignore too: Linux's SigIgn mask. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
