package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.Invocation;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** {@code list-async-invokes} end to end, in-process, over real HTTP against the embedded emulator. */
class ListCommandTest {
    private static final int COUNT = 230;
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"NextToken\": \"([^\"]+)\"");
    private static BedrockRuntimeEmulator emulator;
    /** The emulator's invocations in the service's default order, newest first. */
    private static List<String> newestFirst;

    private final AtomicReference<ClientOptions> clientOptions = new AtomicReference<>();

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 42).start();
        newestFirst = newestFirstArns(emulator.invocations());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    private Cli.Run list(String... args) {
        return Cli.run(Cli.against(emulator, clientOptions),
                Stream.concat(Stream.of("list-async-invokes"), Stream.of(args)).toArray(String[]::new));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The invocations' ARNs in the service's default order, newest first. */
    private static List<String> newestFirstArns(List<Invocation> invocations) {
        return invocations.stream().sorted(Comparator.comparing(Invocation::submitTime).reversed())
                .map(Invocation::invocationArn).toList();
    }

    private static Object value(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> arns(String json) {
        List<Object> summaries = (List<Object>) document(json).get("asyncInvokeSummaries");
        return summaries.stream().map(s -> (String) ((Map<String, Object>) s).get("invocationArn")).toList();
    }

    private static String nextToken(String json) {
        Matcher matcher = NEXT_TOKEN.matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<Map<String, String>> listRequests() {
        return emulator.requests().stream().map(RecordedRequest::queryParameters).toList();
    }

    @Test
    void printsTheWholeListingAsTheAwsCliDoes() {
        Cli.Run run = list();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(document(run.out())).containsOnlyKeys("asyncInvokeSummaries");
        assertThat(arns(run.out())).isEqualTo(newestFirst);
        assertThat(run.out()).startsWith("{\n    \"asyncInvokeSummaries\": [\n        {\n            \"invocationArn\": ")
                .endsWith("\n        }\n    ]\n}\n");
    }

    @Test
    void listIsAnAliasOfListAsyncInvokes() {
        assertThat(Cli.run(Cli.against(emulator), "list", "--max-items", "3").out())
                .isEqualTo(list("--max-items", "3").out());
    }

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("aws-cli-sort-order-ascending.json", List.of("--sort-order", "Ascending")),
                Arguments.of("aws-cli-max-items-2-page-size-2.json",
                        List.of("--sort-order", "Ascending", "--max-items", "2", "--page-size", "2")),
                Arguments.of("aws-cli-no-paginate-max-results-1.json", List.of("--no-paginate", "--max-results", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void printsWhatTheAwsCliPrintedByteForByte(String golden, List<String> args) throws IOException {
        String expected;
        try (InputStream in = ListCommandTest.class.getResourceAsStream("/cli/" + golden)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (BedrockRuntimeEmulator crafted = BedrockRuntimeEmulator.builder()
                .invocations(Crafted.INVOCATIONS).start()) {
            List<String> command = new ArrayList<>(List.of("list-async-invokes"));
            command.addAll(args);
            Cli.Run run = Cli.run(Cli.against(crafted), command.toArray(String[]::new));

            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo(expected);
        }
    }

    @Test
    void sendsEachFilterAsTheServiceParameter() {
        Cli.Run run = list("--submit-time-after", "2025-02-01", "--submit-time-before", "1743465600",
                "--status-equals", "Completed", "--sort-by", "SubmissionTime", "--sort-order", "Ascending",
                "--page-size", "50");

        assertThat(run.exitCode()).isZero();
        assertThat(listRequests()).isNotEmpty().allSatisfy(parameters -> assertThat(parameters)
                .containsEntry("submitTimeAfter", "2025-02-01T00:00:00Z")
                .containsEntry("submitTimeBefore", "2025-04-01T00:00:00Z")
                .containsEntry("statusEquals", "Completed")
                .containsEntry("sortBy", "SubmissionTime")
                .containsEntry("sortOrder", "Ascending")
                .containsEntry("maxResults", "50"));
    }

    @Test
    void pageSizeShapesTheRequestsButNotTheItems() {
        Cli.Run run = list("--page-size", "100");

        assertThat(arns(run.out())).isEqualTo(newestFirst);
        assertThat(emulator.requests()).extracting(RecordedRequest::maxResults)
                .containsExactly(Optional.of(100), Optional.of(100), Optional.of(100));
    }

    @Test
    void withoutPageSizeItAsksForAThousandAtATime() {
        list();

        assertThat(emulator.requests()).extracting(RecordedRequest::maxResults).containsExactly(Optional.of(1000));
    }

    @Test
    void maxItemsStopsWithANextTokenThatResumesWhereItStopped() {
        Cli.Run first = list("--max-items", "25", "--page-size", "10");
        String token = nextToken(first.out());
        Cli.Run rest = list("--starting-token", token, "--page-size", "10");

        assertThat(arns(first.out())).isEqualTo(newestFirst.subList(0, 25));
        assertThat(token).isNotNull();
        assertThat(document(first.out()).keySet()).containsExactly("asyncInvokeSummaries", "NextToken");
        assertThat(arns(rest.out())).isEqualTo(newestFirst.subList(25, COUNT));
        assertThat(nextToken(rest.out())).isNull();
    }

    @Test
    void noPaginateMakesOneRequestWithoutMaxResultsAndPrintsTheRawResponse() {
        Cli.Run run = list("--no-paginate");

        assertThat(emulator.requests()).hasSize(1);
        assertThat(listRequests().get(0)).doesNotContainKey("maxResults");
        assertThat(arns(run.out())).isEqualTo(newestFirst.subList(0, BedrockRuntimeEmulator.DEFAULT_MAX_RESULTS));
        assertThat(document(run.out()).keySet()).containsExactly("nextToken", "asyncInvokeSummaries");
    }

    @Test
    void maxResultsAndNextTokenAreSentAsGivenAndTheRawTokenComesBack() {
        Cli.Run first = list("--max-results", "3");
        String serviceToken = (String) document(first.out()).get("nextToken");
        Cli.Run second = list("--max-results", "4", "--next-token", serviceToken);

        assertThat(listRequests()).containsExactly(Map.of("maxResults", "3"),
                Map.of("maxResults", "4", "nextToken", serviceToken));
        assertThat(arns(first.out())).isEqualTo(newestFirst.subList(0, 3));
        assertThat(arns(second.out())).isEqualTo(newestFirst.subList(3, 7));
    }

    @Test
    void emulatorListsTheDemoDataWithoutAnAccountOrAClientFactory() {
        Dependencies noClients = new Dependencies(options -> {
            throw new AssertionError("--emulator must not build a client from the flags");
        }, () -> false, running -> { });
        Cli.Run run = Cli.run(noClients, "list-async-invokes", "--emulator", "--max-items", "3");

        List<String> demo = newestFirstArns(BedrockRuntimeEmulator.generate(ListCommand.EMULATOR_ITEMS,
                ListCommand.EMULATOR_SEED)).subList(0, 3);
        assertThat(run.exitCode()).isZero();
        assertThat(arns(run.out())).isEqualTo(demo);
    }

    @Test
    void clientFlagsReachTheClientFactory() {
        list("--endpoint-url", "https://bedrock.example.com:8443", "--region", "eu-west-1", "--profile", "ops",
                "--cli-read-timeout", "0", "--cli-connect-timeout", "5", "--max-items", "1");

        assertThat(clientOptions.get()).isEqualTo(new ClientOptions(
                Optional.of(URI.create("https://bedrock.example.com:8443")), Optional.of("eu-west-1"),
                Optional.of("ops"), Duration.ZERO, Duration.ofSeconds(5)));
    }

    @Test
    void clientFlagsDefaultAsTheAwsCliDoes() {
        list("--max-items", "1");

        assertThat(clientOptions.get()).isEqualTo(new ClientOptions(Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(60)));
    }

    static Stream<Arguments> badInput() {
        String negativeOffset = Base64.getEncoder().encodeToString(
                "{\"nextToken\": \"abc\", \"boto_truncate_amount\": -1}".getBytes(StandardCharsets.UTF_8));
        String notAnObject = Base64.getEncoder().encodeToString("[1, 2]".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of(List.of("--page-size", "0"), "--page-size must be between 1 and 1000: 0"),
                Arguments.of(List.of("--page-size", "1001"), "--page-size must be between 1 and 1000: 1001"),
                Arguments.of(List.of("--page-size", "x"), "'--page-size': 'x' is not an int"),
                Arguments.of(List.of("--max-items", "0"), "--max-items must be at least 1: 0"),
                Arguments.of(List.of("--max-items", "-5"), "--max-items must be at least 1: -5"),
                Arguments.of(List.of("--max-results", "1001"), "--max-results must be between 1 and 1000: 1001"),
                Arguments.of(List.of("--next-token", ""), "--next-token is empty"),
                Arguments.of(List.of("--next-token", "a b"), "--next-token contains whitespace"),
                Arguments.of(List.of("--starting-token", negativeOffset),
                        "--starting-token's truncate amount must not be negative"),
                Arguments.of(List.of("--starting-token", notAnObject),
                        "--starting-token decodes to JSON that is not an object"),
                Arguments.of(List.of("--status-equals", "Bogus"),
                        "'--status-equals': expected one of InProgress, Completed, Failed (case-sensitive) but was"
                                + " 'Bogus'"),
                Arguments.of(List.of("--status-equals", "inprogress"), "'--status-equals'"),
                Arguments.of(List.of("--sort-by", "Name"), "'--sort-by': expected one of SubmissionTime"),
                Arguments.of(List.of("--sort-order", "up"), "'--sort-order': expected one of Ascending, Descending"),
                Arguments.of(List.of("--submit-time-after", "yesterday"), "'--submit-time-after': not a timestamp"),
                Arguments.of(List.of("--submit-time-before", "2025-02-30"), "'--submit-time-before': not a timestamp"),
                Arguments.of(List.of("--submit-time-after", "2025-05-01", "--submit-time-before", "2025-04-01"),
                        "--submit-time-after must be before --submit-time-before"),
                Arguments.of(List.of("--submit-time-after", "2025-05-01", "--submit-time-before", "2025-05-01"),
                        "--submit-time-after must be before --submit-time-before"),
                Arguments.of(List.of("--output", "xml"), "'--output': expected one of json, text, ndjson, table, csv"),
                Arguments.of(List.of("--cli-read-timeout", "-1"), "--cli-read-timeout must not be negative: -1"),
                Arguments.of(List.of("--cli-connect-timeout", "-1"), "--cli-connect-timeout must not be negative"),
                Arguments.of(List.of("--endpoint-url", "localhost:4566"), "--endpoint-url must be an http or https"),
                Arguments.of(List.of("--region", " "), "--region must be a region name"),
                Arguments.of(List.of("--emulator", "--endpoint-url", "http://127.0.0.1:1"),
                        "--emulator and --endpoint-url cannot be used together"),
                Arguments.of(List.of("--no-paginate", "--max-items", "3"),
                        "--no-paginate makes one call and cannot be used with --max-items"),
                Arguments.of(List.of("--no-paginate", "--starting-token", "abc", "--page-size", "3"),
                        "--no-paginate makes one call and cannot be used with --starting-token, --page-size"),
                Arguments.of(List.of("--max-results", "3", "--page-size", "3"),
                        "--max-results makes one call and cannot be used with --page-size"),
                Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of("--page-size"), "'--page-size'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputExits252WithOneLineNamingTheFlagBeforeAnyRequest(List<String> args, String message) {
        Cli.Run run = list(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains(message);
        assertThat(emulator.requests()).isEmpty();
        assertThat(clientOptions.get()).isNull();
    }

    @Test
    void aStartingTokenTheServiceRefusesIsAUsageErrorNamingTheFlag() {
        Cli.Run run = list("--starting-token", "made-up-token");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: --starting-token was rejected by the service: ");
    }

    @Test
    void aServiceErrorExits254WithTheAwsCliMessage() {
        emulator.faults().next(Fault.ACCESS_DENIED);

        Cli.Run run = list();

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("An error occurred (AccessDeniedException) when calling the"
                + " ListAsyncInvokes operation: " + Fault.ACCESS_DENIED.message());
    }

    @Test
    void aServiceErrorOfTheRawCallExits254Too() {
        emulator.faults().next(Fault.THROTTLE);

        Cli.Run run = list("--no-paginate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR);
        assertThat(run.errLines()).containsExactly("An error occurred (ThrottlingException) when calling the"
                + " ListAsyncInvokes operation: " + Fault.THROTTLE.message());
    }

    @Test
    void aServiceErrorAfterPrintedPagesLeavesValidJsonAndTheTokenThatResumesAfterThem() {
        emulator.faults().next(Fault.NONE, Fault.NONE, Fault.INTERNAL_ERROR);

        Cli.Run run = list("--page-size", "10");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR);
        assertThat(arns(run.out())).isEqualTo(newestFirst.subList(0, 20));
        String token = nextToken(run.out());
        assertThat(run.errLines()).containsExactly(
                "An error occurred (InternalServerException) when calling the ListAsyncInvokes operation: "
                        + Fault.INTERNAL_ERROR.message(),
                "printed 20 items before the error; to resume after them: --starting-token " + token);
        assertThat(arns(list("--starting-token", token, "--page-size", "10").out()))
                .isEqualTo(newestFirst.subList(20, COUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "csv", "table"})
    void otherFormatsGiveTheResumeTokenOnStandardErrorAfterAPartialListing(String format) {
        emulator.faults().next(Fault.NONE, Fault.ACCESS_DENIED);

        Cli.Run run = list("--page-size", "10", "--output", format);

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR);
        assertThat(run.out()).contains(newestFirst.get(9)).doesNotContain(newestFirst.get(10));
        assertThat(run.errLines()).hasSize(2);
        String token = run.errLines().get(1).replaceFirst(".*--starting-token ", "");
        assertThat(list("--starting-token", token, "--page-size", "10", "--max-items", "1", "--output", "ndjson")
                .out()).contains(newestFirst.get(10));
    }

    @Test
    void aNetworkFailureExits255() {
        emulator.faults().next(Fault.RESET_CONNECTION);

        Cli.Run run = list();

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ");
    }

    @Test
    void aServiceThatRepeatsATokenExits255WithTheTokenAfterThePrintedItems() {
        emulator.faults().next(Fault.NONE, Fault.REPEAT_TOKEN);

        Cli.Run run = list("--page-size", "10", "--output", "ndjson");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.out().lines()).hasSize(20);
        assertThat(run.errLines().get(0)).startsWith("Error during pagination: ");
        String token = run.errLines().get(1).replaceFirst(".*--starting-token ", "");
        assertThat(arns(list("--starting-token", token, "--page-size", "10").out()))
                .isEqualTo(newestFirst.subList(20, COUNT));
    }

    @Test
    void printsEachPageBeforeFetchingTheNext() {
        List<Integer> requestsAtFlush = new ArrayList<>();
        List<Integer> charsAtFlush = new ArrayList<>();
        Writer watching = new FlushWatchingWriter(written -> {
            if (charsAtFlush.isEmpty() || written.length() > charsAtFlush.get(charsAtFlush.size() - 1)) {
                requestsAtFlush.add(emulator.requests().size());
                charsAtFlush.add(written.length());
            }
        });

        Cli.Run run = Cli.run(Cli.against(emulator), watching, "list-async-invokes", "--page-size", "100",
                "--output", "ndjson");

        assertThat(run.exitCode()).isZero();
        // Each page reaches the output before the next request is made.
        assertThat(requestsAtFlush).containsExactly(1, 2, 3);
        assertThat(charsAtFlush.get(0)).isPositive();
        assertThat(watching.toString().lines()).hasSize(COUNT);
    }

    @Test
    void stopsListingWhenNobodyReadsTheOutputAnyMore() {
        Writer closedPipe = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        Cli.Run run = Cli.run(Cli.against(emulator), closedPipe, "list-async-invokes", "--page-size", "10");

        assertThat(run.exitCode()).isZero();
        assertThat(emulator.requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"ndjson, 1", "csv, 2", "table, 2"})
    void everyFormatListsTheSameItems(String format, int firstItemLine) {
        Cli.Run run = list("--output", format);

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(COUNT + firstItemLine - 1);
        for (int i = 0; i < COUNT; i++) {
            assertThat(lines.get(firstItemLine - 1 + i)).contains(newestFirst.get(i));
        }
    }

    @Test
    void ndjsonLinesAreTheObjectsTheJsonOutputLists() {
        Object json = document(list().out()).get("asyncInvokeSummaries");

        List<Object> ndjson = list("--output", "ndjson").out().lines().map(ListCommandTest::value).toList();

        assertThat(ndjson).isEqualTo(json);
    }

    @Test
    void noRegionAnywhereExits253() {
        BedrockRuntimeClientBuilder noRegion = mock(BedrockRuntimeClientBuilder.class);
        when(noRegion.build()).thenThrow(SdkClientException.create("Unable to load region from any of the providers"));

        Cli.Run run = Cli.run(new Dependencies(options -> noRegion, () -> false, running -> { }),
                "list-async-invokes");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: You must specify a region");
    }

    /** Strings a server chose to move the cursor, retitle the terminal, clear it, or reverse a line with. */
    private static final Invocation HOSTILE = Invocation.builder()
            .invocationArn("arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl\u001b]0;pwned\u0007")
            .modelArn("arn:aws:bedrock:us-east-1::foundation-model/\u001b[2Jclear\u202etxt.exe")
            .status("\u001b[31mFailed")
            .failureMessage("\u001b[1A\u001b[Kgone")
            .submitTime(java.time.Instant.parse("2025-01-06T08:00:00Z"))
            .outputDataConfig(Invocation.S3Output.of("s3://bucket/\u009b6n"))
            .build();

    private static Cli.Run listHostile(boolean stdoutIsTerminal, String... args) {
        try (BedrockRuntimeEmulator hostile = BedrockRuntimeEmulator.builder().invocations(List.of(HOSTILE)).start()) {
            Dependencies against = Cli.against(hostile);
            Dependencies terminal = new Dependencies(against.clients(), () -> false, () -> stdoutIsTerminal,
                    against.foreground());
            return Cli.run(terminal, Stream.concat(Stream.of("list-async-invokes"), Stream.of(args))
                    .toArray(String[]::new));
        }
    }

    private static void assertTerminalSafe(String text) {
        assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    }

    @Test
    void theTableShowsWhatTheServerSentSafelyWhereverItGoes() {
        Cli.Run run = listHostile(false, "--output", "table");

        assertThat(run.exitCode()).isZero();
        assertTerminalSafe(run.out());
        assertThat(run.out()).contains("\\x1b]0;pwned\\x07", "\\x1b[2Jclear\\u202etxt.exe", "\\x1b[31mFailed",
                "\\x9b6n");
    }

    @Test
    void csvIsTerminalSafeOnATerminalAndTheServersOwnBytesInAFile() {
        Cli.Run onTerminal = listHostile(true, "--output", "csv");
        Cli.Run toFile = listHostile(false, "--output", "csv");

        assertTerminalSafe(onTerminal.out());
        assertThat(onTerminal.out()).contains("\\x1b[1A\\x1b[Kgone");
        assertThat(toFile.out()).contains("\u001b[1A\u001b[Kgone", "\u202e");
    }

    @Test
    void jsonStaysTheAwsClisBytes() {
        Cli.Run run = listHostile(true, "--output", "json");

        // JSON escapes C0 controls itself (\u001b); the AWS CLI writes C1 and bidirectional controls as they are.
        assertThat(run.out()).contains("\\u001b]0;pwned\\u0007").contains("\u202e").doesNotContain("\\x1b");
    }

    @Test
    void aServiceErrorsMessageIsShownSafely() {
        emulator.faults().next(new Fault.ServiceError(400, "ValidationException", "bad \u001b[31mred\u001b[0m"));

        Cli.Run run = list("--max-items", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR);
        assertTerminalSafe(run.err());
        assertThat(run.err()).contains("bad \\x1b[31mred\\x1b[0m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cr3tpw@127.0.0.1:1", "https://s3cr3tpw@127.0.0.1:1/x",
        "ht!tp://user:s3cr3tpw@127.0.0.1:1", "http://user:s3cr3tpw@"})
    void anEndpointUrlsPasswordIsNeverEchoed(String url) {
        Cli.Run run = list("--endpoint-url", url);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("error: --endpoint-url").doesNotContain("s3cr3tpw");
        assertThat(emulator.requests()).isEmpty();
    }
}
