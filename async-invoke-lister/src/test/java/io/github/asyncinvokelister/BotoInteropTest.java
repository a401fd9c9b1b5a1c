package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that the emulator speaks the real protocol to a client we did not write: boto3's paginator lists from it
 * under several filters and PaginationConfigs, and gets the same items in the same order as the lister, with
 * tokens that resume across the two. Skips, saying why, where python3 or boto3 is absent.
 */
class BotoInteropTest {
    private static final Path SCRIPT = Path.of("src/test/python/boto3_lister_conformance.py");
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;

    /** One listing, run by both clients. */
    private record Scenario(String name, ListAsyncInvokesQuery query, PaginationConfig pagination) {
    }

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(300, 11).start();
        lister = AsyncInvokeLister.create(emulator.client());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void boto3ListsTheSameItemsAndTokensResumeAcrossTheTwo(@TempDir Path dir) throws Exception {
        assumeTrue(boto3Available(), "python3 with boto3 is not installed: skipping the boto3 interop check");
        List<AsyncInvokeSummary> all = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.none()).items();
        Instant after = all.get(200).submitTime();
        Instant before = all.get(20).submitTime();
        String midToken = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(30)
                .pageSize(7).build()).nextToken().orElseThrow();
        List<Scenario> scenarios = List.of(
                new Scenario("everything", ListAsyncInvokesQuery.all(), PaginationConfig.none()),
                new Scenario("max-items-inside-a-page", ListAsyncInvokesQuery.all(),
                        PaginationConfig.builder().maxItems(30).pageSize(7).build()),
                new Scenario("completed-ascending", ListAsyncInvokesQuery.builder()
                        .statusEquals(InvocationStatus.COMPLETED).sortOrder(SortOrder.ASCENDING).build(),
                        PaginationConfig.builder().maxItems(40).pageSize(25).build()),
                new Scenario("failed-in-window", ListAsyncInvokesQuery.builder().submitTimeAfter(after)
                        .submitTimeBefore(before).statusEquals(InvocationStatus.FAILED).build(),
                        PaginationConfig.builder().maxItems(5).build()),
                new Scenario("in-progress-descending", ListAsyncInvokesQuery.builder()
                        .statusEquals(InvocationStatus.IN_PROGRESS).sortBy(SortBy.SUBMISSION_TIME)
                        .sortOrder(SortOrder.DESCENDING).build(), PaginationConfig.builder().pageSize(1000).build()),
                new Scenario("one-item", ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(1).build()),
                new Scenario("from-lister-token", ListAsyncInvokesQuery.all(),
                        PaginationConfig.builder().startingToken(midToken).maxItems(12).pageSize(10).build()));

        List<ListResult> javaResults = new ArrayList<>();
        StringBuilder input = new StringBuilder("{\"scenarios\": [");
        for (Scenario scenario : scenarios) {
            ListResult result = lister.list(scenario.query(), scenario.pagination());
            javaResults.add(result);
            input.append(javaResults.size() == 1 ? "" : ", ").append(toJson(scenario, result.nextToken()));
        }
        Path inputFile = dir.resolve("scenarios.json");
        Files.writeString(inputFile, input.append("]}").toString(), StandardCharsets.UTF_8);
        List<?> boto = (List<?>) ((Map<?, ?>) TestJson.parse(runPython(emulator.endpoint().toString(),
                inputFile.toString()))).get("scenarios");

        assertThat(boto).hasSameSizeAs(scenarios);
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Map<?, ?> fromBoto = (Map<?, ?>) boto.get(i);
            ListResult fromJava = javaResults.get(i);
            assertThat(fromBoto.get("items")).as("%s: items", scenario.name()).isEqualTo(arns(fromJava.items()));
            assertThat(fromJava.items()).as("%s: not vacuous", scenario.name()).isNotEmpty();
            String botoToken = (String) fromBoto.get("nextToken");
            assertThat(Optional.ofNullable(botoToken)).as("%s: NextToken present in both or neither", scenario.name())
                    .map(t -> true).isEqualTo(fromJava.nextToken().map(t -> true));
            if (botoToken != null) {
                PaginationConfig resume = new PaginationConfig(OptionalInt.empty(),
                        scenario.pagination().pageSize(), Optional.empty());
                List<String> javaRest = arns(lister.list(scenario.query(),
                        resume.withStartingToken(fromJava.nextToken().orElseThrow())).items());
                assertThat(fromBoto.get("resumedItems")).as("%s: boto3 resumes from the lister's token",
                        scenario.name()).isEqualTo(javaRest);
                assertThat(arns(lister.list(scenario.query(), resume.withStartingToken(botoToken)).items()))
                        .as("%s: the lister resumes from boto3's token", scenario.name()).isEqualTo(javaRest);
            }
        }
    }

    private static String toJson(Scenario scenario, Optional<String> resumeToken) {
        ListAsyncInvokesQuery q = scenario.query();
        PaginationConfig p = scenario.pagination();
        return "{\"name\": " + TestJson.quote(scenario.name())
                + ", \"query\": {\"submitTimeAfter\": " + jsonOrNull(q.submitTimeAfter())
                + ", \"submitTimeBefore\": " + jsonOrNull(q.submitTimeBefore())
                + ", \"statusEquals\": " + jsonOrNull(q.statusEquals())
                + ", \"sortBy\": " + jsonOrNull(q.sortBy())
                + ", \"sortOrder\": " + jsonOrNull(q.sortOrder())
                + "}, \"pagination\": {\"MaxItems\": " + (p.maxItems().isPresent() ? p.maxItems().getAsInt() : "null")
                + ", \"PageSize\": " + (p.pageSize().isPresent() ? p.pageSize().getAsInt() : "null")
                + ", \"StartingToken\": " + jsonOrNull(p.startingToken())
                + "}, \"resumeToken\": " + jsonOrNull(resumeToken) + "}";
    }

    private static String jsonOrNull(Optional<?> value) {
        return value.map(v -> TestJson.quote(v.toString())).orElse("null");
    }

    private static List<String> arns(List<AsyncInvokeSummary> items) {
        return items.stream().map(AsyncInvokeSummary::invocationArn).collect(Collectors.toList());
    }

    private static boolean boto3Available() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String runPython(String endpoint, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), endpoint, input)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("boto3 script finished").isTrue();
        assertThat(process.exitValue()).as("boto3 script exit code").isZero();
        return out;
    }
}
