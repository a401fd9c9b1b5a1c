package io.github.asyncinvokelister.emulator;

import static io.github.asyncinvokelister.emulator.SdkSummaries.asSdkSeesIt;
import static io.github.asyncinvokelister.emulator.SdkSummaries.fromSdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.services.bedrockruntime.model.SortOrder;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class BedrockRuntimeEmulatorTest {
    private static final int COUNT = 500;
    private static final long SEED = 42;

    private static BedrockRuntimeEmulator emu;
    private static BedrockRuntimeClient client;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        emu = BedrockRuntimeEmulator.builder().generated(COUNT, SEED).start();
        client = emu.client();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void reset() {
        emu.faults().clear();
        emu.clearRequests();
    }

    @Test
    void startsFastOnTheLoopbackAddressAndStopsCleanly() throws IOException {
        long started = System.nanoTime();
        BedrockRuntimeEmulator other = BedrockRuntimeEmulator.builder().generated(100_000, 1).start();
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        int port = other.port();

        assertThat(startup).isLessThan(Duration.ofMillis(500));
        assertThat(InetAddress.getByName(other.endpoint().getHost()).isLoopbackAddress()).isTrue();
        assertThat(other.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(other.client().listAsyncInvokes(r -> r.maxResults(3)).asyncInvokeSummaries()).hasSize(3);

        long closing = System.nanoTime();
        other.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(other::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        other.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 10, 499, 500, 1000})
    void listsEveryInvocationOnceNewestFirstWithAnyPageSize(int maxResults) {
        List<Invocation> listed = client.listAsyncInvokesPaginator(r -> r.maxResults(maxResults))
                .asyncInvokeSummaries().stream().map(SdkSummaries::fromSdk).collect(Collectors.toList());

        List<Invocation> newestFirst = new ArrayList<>(emu.invocations());
        Collections.reverse(newestFirst);
        assertThat(listed).containsExactlyElementsOf(newestFirst.stream().map(SdkSummaries::asSdkSeesIt).toList());
        int pages = (COUNT + maxResults - 1) / maxResults;
        assertThat(emu.requests()).hasSize(pages).allSatisfy(request -> {
            assertThat(request.maxResults()).contains(maxResults);
            assertThat(request.fault()).isEmpty();
        });
        assertThat(emu.requests().get(0).nextToken()).isEmpty();
    }

    @Test
    void pagesHoldTenItemsWithoutMaxResults() {
        ListAsyncInvokesResponse page = client.listAsyncInvokes(r -> { });

        assertThat(page.asyncInvokeSummaries()).hasSize(BedrockRuntimeEmulator.DEFAULT_MAX_RESULTS).hasSize(10);
        assertThat(page.asyncInvokeSummaries().get(0).invocationArn())
                .isEqualTo(emu.invocations().get(COUNT - 1).invocationArn());
        assertThat(emu.requests()).singleElement().satisfies(request -> {
            assertThat(request.maxResults()).isEmpty();
            assertThat(request.rawQuery()).isEmpty();
        });
    }

    @Test
    void ascendingListsOldestFirst() {
        List<String> arns = listAll(r -> r.sortOrder(SortOrder.ASCENDING).maxResults(100)).stream()
                .map(Invocation::invocationArn).toList();

        assertThat(arns).containsExactlyElementsOf(
                emu.invocations().stream().map(Invocation::invocationArn).toList());
    }

    @Test
    void statusFilterKeepsOnlyThatStatusInOrder() {
        List<Invocation> failed = listAll(r -> r.statusEquals(AsyncInvokeStatus.FAILED)
                .sortOrder(SortOrder.ASCENDING).maxResults(7));

        assertThat(failed).isNotEmpty().containsExactlyElementsOf(emu.invocations().stream()
                .filter(item -> item.status().equals(Optional.of("Failed"))).map(SdkSummaries::asSdkSeesIt).toList());
        assertThat(failed).allSatisfy(item -> assertThat(item.failureMessage()).isPresent());
    }

    @Test
    void timeWindowExcludesBothBounds() {
        Instant after = emu.invocations().get(100).submitTime();
        Instant before = emu.invocations().get(110).submitTime();

        List<Invocation> window = listAll(r -> r.submitTimeAfter(after).submitTimeBefore(before)
                .sortOrder(SortOrder.ASCENDING).maxResults(4));

        assertThat(window).containsExactlyElementsOf(emu.invocations().subList(101, 110).stream()
                .map(SdkSummaries::asSdkSeesIt).toList());
        assertThat(emu.requests().get(0).queryParameters())
                .containsEntry("submitTimeAfter", after.toString())
                .containsEntry("submitTimeBefore", before.toString());
    }

    @Test
    void timestampsAreAcceptedInEveryIso8601FormTheSdksSend() throws Exception {
        Instant tenth = emu.invocations().get(10).submitTime();
        String micros = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC)
                .format(tenth);
        String offset = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tenth.atOffset(ZoneOffset.UTC))
                .replace("Z", "+00:00");
        String whole = "2025-02-01T00:00:00Z";

        for (String after : List.of(micros, offset)) {
            HttpResponse<String> response = get("/async-invoke?sortOrder=Ascending&maxResults=1&submitTimeAfter="
                    + after.replace("+", "%2B"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(emu.invocations().get(11).invocationArn());
        }
        assertThat(get("/async-invoke?submitTimeBefore=" + whole).statusCode()).isEqualTo(200);
    }

    @Test
    void timestampsAreWrittenWithMillisecondsInUtc() throws Exception {
        String body = get("/async-invoke?maxResults=1").body();

        assertThat(body).containsPattern("\"submitTime\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
    }

    @Test
    void tokensHoldCharactersThatNeedEncodingAndRoundTripThroughTheSdk() {
        ListAsyncInvokesResponse first = client.listAsyncInvokes(r -> r.maxResults(5));
        String token = first.nextToken();
        ListAsyncInvokesResponse second = client.listAsyncInvokes(r -> r.maxResults(5).nextToken(token));

        assertThat(token).contains("+", "/", "=");
        assertThat(second.asyncInvokeSummaries().get(0).invocationArn())
                .isEqualTo(emu.invocations().get(COUNT - 6).invocationArn());
        RecordedRequest recorded = emu.requests().get(1);
        assertThat(recorded.nextToken()).contains(token);
        assertThat(recorded.rawQuery()).get().asString().contains("%2B", "%2F", "%3D").doesNotContain("+");
    }

    @Test
    void aTokenHoldsAPositionSoThePageSizeMayChange() {
        String token = client.listAsyncInvokes(r -> r.maxResults(3)).nextToken();

        ListAsyncInvokesResponse next = client.listAsyncInvokes(r -> r.maxResults(50).nextToken(token));

        List<String> expected = new ArrayList<>(emu.invocations().subList(COUNT - 53, COUNT - 3).stream()
                .map(Invocation::invocationArn).toList());
        Collections.reverse(expected);
        assertThat(next.asyncInvokeSummaries()).extracting(s -> s.invocationArn()).containsExactlyElementsOf(expected);
    }

    @Test
    void tokenFromAnotherQueryIsAValidationException() {
        String token = client.listAsyncInvokes(r -> r.maxResults(5).statusEquals(AsyncInvokeStatus.COMPLETED))
                .nextToken();

        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(5).nextToken(token)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nextToken belongs to another query")
                .hasMessageContaining("statusEquals");
        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(5).nextToken(token)
                        .statusEquals(AsyncInvokeStatus.COMPLETED).sortOrder(SortOrder.ASCENDING)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sortOrder");
    }

    @Test
    void theDefaultSortOrderAndAnExplicitDescendingAreTheSameQuery() {
        String token = client.listAsyncInvokes(r -> r.maxResults(5)).nextToken();

        ListAsyncInvokesResponse next = client.listAsyncInvokes(r -> r.maxResults(5).nextToken(token)
                .sortOrder(SortOrder.DESCENDING).sortBy("SubmissionTime"));

        assertThat(next.asyncInvokeSummaries()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bm90IGEgdG9rZW4=", "+/+/AQAAAAUAAAAAAAAAAAAAAAAAAA==", "not-base64!"})
    void madeUpTokensAreValidationExceptions(String token) {
        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.nextToken(token)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nextToken is not valid")
                .hasMessageNotContaining(token);
    }

    @Test
    void anAlteredTokenIsAValidationException() {
        String token = client.listAsyncInvokes(r -> r.maxResults(5)).nextToken();
        char[] chars = token.toCharArray();
        chars[8] = chars[8] == 'A' ? 'B' : 'A';
        String altered = new String(chars);

        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(5).nextToken(altered)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nextToken is not valid");
    }

    @Test
    void aTokenFromAnEmulatorWithOtherDataIsRejected() {
        try (BedrockRuntimeEmulator other = BedrockRuntimeEmulator.builder().generated(COUNT, SEED + 1).start()) {
            String token = other.client().listAsyncInvokes(r -> r.maxResults(5)).nextToken();

            assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(5).nextToken(token)))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void maxResultsOutsideOneToAThousandIsAValidationException(int maxResults) {
        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(maxResults)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 validation error detected: Value '" + maxResults + "' at 'maxResults'");
    }

    @Test
    void everyBadParameterIsNamedInOneValidationException() throws Exception {
        HttpResponse<String> response = get("/async-invoke?maxResults=abc&statusEquals=Cancelled&sortBy=Name"
                + "&sortOrder=up&submitTimeAfter=yesterday&nextToken=");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(response.body()).startsWith("{\"message\":\"6 validation errors detected: ")
                .contains("'maxResults'", "'statusEquals'", "'sortBy'", "'sortOrder'", "'submitTimeAfter'",
                        "'nextToken'", "[InProgress, Completed, Failed]");
    }

    @Test
    void anUnencodedPlusInATokenIsASpaceAndFailsValidation() throws Exception {
        String token = client.listAsyncInvokes(r -> r.maxResults(5)).nextToken();

        HttpResponse<String> response = get("/async-invoke?maxResults=5&nextToken=" + token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'nextToken'", "regular expression pattern");
    }

    @Test
    void unknownStatusesAndOutputMembersReachTheSdkAsUnknownToSdkVersion() {
        List<software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary> all =
                client.listAsyncInvokesPaginator(r -> r.maxResults(1000)).asyncInvokeSummaries().stream().toList();

        assertThat(all).filteredOn(s -> s.status() == AsyncInvokeStatus.UNKNOWN_TO_SDK_VERSION)
                .isNotEmpty()
                .extracting(s -> s.statusAsString())
                .containsAnyOf("Cancelled", "Expired")
                .doesNotContainNull();
        assertThat(all).filteredOn(s -> s.outputDataConfig().type() == AsyncInvokeOutputDataConfig.Type.UNKNOWN_TO_SDK_VERSION)
                .isNotEmpty();
    }

    @Test
    void getAsyncInvokeReturnsAListedInvocation() {
        for (Invocation listed : List.of(emu.invocations().get(0), emu.invocations().get(COUNT - 1))) {
            Invocation got = fromSdk(client.getAsyncInvoke(r -> r.invocationArn(listed.invocationArn())));

            assertThat(got).isEqualTo(asSdkSeesIt(listed));
        }
        assertThat(emu.requests().get(0).path()).startsWith("/async-invoke/arn%3Aaws%3Abedrock%3A").contains("%2F");
    }

    @Test
    void getAsyncInvokeTakesAnArnWithPlainColons() throws Exception {
        String arn = emu.invocations().get(3).invocationArn();

        HttpResponse<String> response = get("/async-invoke/" + arn.replace("/", "%2F"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"invocationArn\":\"" + arn + "\"");
    }

    @Test
    void getAsyncInvokeOfAnArnNotListedIsAValidationException() {
        String missing = "arn:aws:bedrock:us-east-1:123456789012:async-invoke/zzzzzzzzzzzz";

        assertThatThrownBy(() -> client.getAsyncInvoke(r -> r.invocationArn(missing)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("invocationArn does not identify")
                .hasMessageContaining(missing);
    }

    @Test
    void getAsyncInvokeOfAMalformedArnIsAValidationException() {
        assertThatThrownBy(() -> client.getAsyncInvoke(r -> r.invocationArn("arn:aws:bedrock:job/1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'invocationArn' failed to satisfy constraint");
    }

    @Test
    void errorsCarryTheServiceHeadersAndTheSdkReadsTheRequestId() throws Exception {
        HttpResponse<String> response = get("/async-invoke?maxResults=0");

        assertThat(response.headers().firstValue("x-amzn-RequestId")).get().asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.requestId()).hasSize(36));
    }

    @Test
    void successesCarryARequestIdToo() throws Exception {
        HttpResponse<String> response = get("/async-invoke?maxResults=1");

        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAre404sWithAJsonMessage() throws Exception {
        HttpResponse<String> path = get("/model/amazon.nova-reel-v1:0/invoke");
        HttpResponse<String> method = http.send(HttpRequest.newBuilder(emu.endpoint().resolve("/async-invoke"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(path.body()).startsWith("{\"message\":\"").contains("GET /model/");
        assertThat(method.statusCode()).isEqualTo(404);
        assertThat(method.body()).contains("DELETE /async-invoke");
        assertThat(emu.requests()).extracting(RecordedRequest::method).containsExactly("GET", "DELETE");
    }

    @Test
    void requestsRecordWhatWasAskedInOrder() {
        String token = client.listAsyncInvokes(r -> r.maxResults(2).statusEquals("Completed")).nextToken();
        client.listAsyncInvokes(r -> r.maxResults(3).nextToken(token).statusEquals("Completed"));

        assertThat(emu.requests()).extracting(RecordedRequest::maxResults).containsExactly(Optional.of(2),
                Optional.of(3));
        assertThat(emu.requests()).extracting(RecordedRequest::nextToken).containsExactly(Optional.empty(),
                Optional.of(token));
        assertThat(emu.requests().get(1).queryParameters()).containsEntry("statusEquals", "Completed");
        assertThat(emu.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/async-invoke");
        });

        emu.clearRequests();
        assertThat(emu.requests()).isEmpty();
    }

    @Test
    void emulatorsWithTheSameSeedServeTheSameBytes() throws Exception {
        try (BedrockRuntimeEmulator twin = BedrockRuntimeEmulator.builder().generated(COUNT, SEED).start()) {
            String path = "/async-invoke?maxResults=50&statusEquals=Completed";
            String mine = get(path).body();
            HttpResponse<String> theirs = http.send(HttpRequest.newBuilder(twin.endpoint().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(theirs.body()).isEqualTo(mine).contains("\"nextToken\":\"+/+/");
            assertThat(twin.invocations()).isEqualTo(emu.invocations());
        }
    }

    @Test
    void servesTheInvocationsItIsGivenSortedBySubmitTime() {
        Invocation late = new Invocation("arn:aws:bedrock:us-east-1:123456789012:async-invoke/bbbbbbbbbbbb",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:0", Optional.empty(),
                Optional.of("Paused"), Optional.empty(),
                Instant.parse("2025-03-04T05:06:07.123456Z"), Optional.empty(), Optional.empty(),
                new Invocation.S3Output("s3://bucket/out/", Optional.empty(), Optional.of("111122223333")));
        Invocation early = new Invocation(
                "arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaaa",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:0", Optional.of("token-\"1\""),
                Optional.of("Failed"), Optional.of("line\nbreak \u00e9 \\ \"quoted\""),
                Instant.parse("2025-01-01T00:00:00Z"), Optional.of(Instant.parse("2025-01-01T00:01:00Z")),
                Optional.of(Instant.parse("2025-01-01T00:01:00Z")), Invocation.S3Output.of("s3://bucket/a/"));

        try (BedrockRuntimeEmulator given = BedrockRuntimeEmulator.builder().invocations(List.of(late, early))
                .start()) {
            List<Invocation> listed = given.client()
                    .listAsyncInvokesPaginator(r -> r.sortOrder(SortOrder.ASCENDING).maxResults(1))
                    .asyncInvokeSummaries().stream().map(SdkSummaries::fromSdk).toList();

            assertThat(listed).containsExactly(early, late);
            assertThat(given.invocations()).containsExactly(early, late);
        }
    }

    @Test
    void aMillionGeneratedInvocationsAreServedWithoutBuildingThem() {
        try (BedrockRuntimeEmulator big = BedrockRuntimeEmulator.builder().generated(1_000_000, 7).start()) {
            List<Invocation> all = big.invocations();
            Invocation middle = all.get(500_000);
            BedrockRuntimeClient bigClient = big.client();

            ListAsyncInvokesResponse newest = bigClient.listAsyncInvokes(r -> r.maxResults(1000));
            ListAsyncInvokesResponse window = bigClient.listAsyncInvokes(r -> r.sortOrder(SortOrder.ASCENDING)
                    .submitTimeAfter(middle.submitTime()).statusEquals(AsyncInvokeStatus.IN_PROGRESS).maxResults(20));
            ListAsyncInvokesResponse after = bigClient.listAsyncInvokes(r -> r.sortOrder(SortOrder.ASCENDING)
                    .submitTimeAfter(middle.submitTime()).statusEquals(AsyncInvokeStatus.IN_PROGRESS).maxResults(20)
                    .nextToken(window.nextToken()));

            assertThat(newest.asyncInvokeSummaries()).hasSize(1000);
            assertThat(newest.asyncInvokeSummaries().get(0).invocationArn()).isEqualTo(all.get(999_999).invocationArn());
            assertThat(window.asyncInvokeSummaries()).hasSize(20).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(AsyncInvokeStatus.IN_PROGRESS);
                assertThat(s.submitTime()).isAfter(middle.submitTime());
            });
            assertThat(after.asyncInvokeSummaries().get(0).submitTime())
                    .isAfter(window.asyncInvokeSummaries().get(19).submitTime());
            assertThat(fromSdk(bigClient.getAsyncInvoke(r -> r.invocationArn(middle.invocationArn()))))
                    .isEqualTo(asSdkSeesIt(middle));
        }
    }

    @Test
    void latencyDelaysEveryResponse() {
        try (BedrockRuntimeEmulator slow = BedrockRuntimeEmulator.builder().generated(5, 1)
                .latency(Duration.ofMillis(150)).start()) {
            BedrockRuntimeClient slowClient = slow.client();
            slowClient.listAsyncInvokes(r -> r.maxResults(1));

            long started = System.nanoTime();
            slowClient.listAsyncInvokes(r -> r.maxResults(1));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void concurrentListingsEachGetEveryInvocation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> listings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int pageSize = 20 + i;
                listings.add(pool.submit(() -> client.listAsyncInvokesPaginator(r -> r.maxResults(pageSize))
                        .asyncInvokeSummaries().stream().map(s -> s.invocationArn()).toList()));
            }
            for (Future<List<String>> listing : listings) {
                assertThat(listing.get(30, TimeUnit.SECONDS)).hasSize(COUNT).doesNotHaveDuplicates();
            }
        } finally {
            pool.shutdownNow();
        }
        int expectedRequests = 0;
        for (int i = 0; i < 6; i++) {
            expectedRequests += (COUNT + 20 + i - 1) / (20 + i);
        }
        assertThat(emu.requests()).hasSize(expectedRequests);
    }

    @Test
    void builderRejectsBadInputNamingTheArgument() {
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().generated(-1, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must not be negative: -1");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().latency(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("latency must not be negative: PT-0.005S");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().port(65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be 0 to 65535: 65536");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().port(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be 0 to 65535: -1");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().faultRate(Fault.THROTTLE, 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be 0 to 1: 1.5");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().invocations(null))
                .isInstanceOf(NullPointerException.class).hasMessage("invocations");
    }

    @Test
    void aTakenPortIsAnUncheckedIOException() {
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().port(emu.port()).start())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(String.valueOf(emu.port()));
    }

    private static List<Invocation> listAll(Consumer<ListAsyncInvokesRequest.Builder> query) {
        return client.listAsyncInvokesPaginator(query).asyncInvokeSummaries().stream()
                .map(SdkSummaries::fromSdk).collect(Collectors.toList());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
