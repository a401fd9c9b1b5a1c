package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.OutputDataConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.utils.DateUtils;

/**
 * The response reader against the SDK's own parse: every body goes through the real SDK client (its marshalling,
 * interceptors and unmarshalling), over an HTTP client that hands back a canned response, once with the reader
 * reading it and once with the reader leaving it to the SDK; the two must give the same records.
 */
class ListResponseJsonTest {
    private static final CannedHttp HTTP = new CannedHttp();
    /** What a client-level interceptor saw of the last body, after the SDK read it. */
    private static final AtomicReference<ListAsyncInvokesResponse> SEEN_BY_THE_CLIENT = new AtomicReference<>();
    private static final BedrockRuntimeClient CLIENT = BedrockRuntimeClient.builder()
            .httpClient(HTTP)
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(
                    new ExecutionInterceptor() {
                        @Override
                        public void afterUnmarshalling(Context.AfterUnmarshalling context,
                                ExecutionAttributes executionAttributes) {
                            SEEN_BY_THE_CLIENT.set((ListAsyncInvokesResponse) context.response());
                        }
                    }))
            .build();
    private static final AtomicInteger READ_BY_THE_READER = new AtomicInteger();
    private static final AtomicInteger LEFT_TO_THE_SDK = new AtomicInteger();

    @AfterAll
    @AfterContainer
    static void reportHowBodiesWereRead() {
        System.out.printf("response reader: %d bodies read by the reader, %d left to the SDK%n",
                READ_BY_THE_READER.get(), LEFT_TO_THE_SDK.get());
    }

    /** An HTTP client that answers every request with the same 200 and body, and connects nowhere. */
    private static final class CannedHttp implements SdkHttpClient {
        volatile byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] served = body;
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Content-Length", String.valueOf(served.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(served)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** What a fetch gave: the page, or the type of what it threw. */
    private record Outcome(PageSource.Page<AsyncInvokeSummary> page, Class<?> failure) {
    }

    private static Outcome fetch(String body, boolean reads) {
        HTTP.body = body.getBytes(StandardCharsets.UTF_8);
        ListResponseReader reader = new ListResponseReader(reads);
        SdkPageSource source = new SdkPageSource(CLIENT, ListAsyncInvokesQuery.all(), null, "startingToken", reader);
        try {
            PageSource.Page<AsyncInvokeSummary> page = source.fetch(null, 1000);
            if (reads) {
                (reader.page() != null ? READ_BY_THE_READER : LEFT_TO_THE_SDK).incrementAndGet();
            }
            return new Outcome(page, null);
        } catch (RuntimeException e) {
            if (reads) {
                LEFT_TO_THE_SDK.incrementAndGet(); // the reader reads nothing the SDK then refuses
            }
            return new Outcome(null, e.getClass());
        }
    }

    /** The reader's page and the SDK's agree; returns it. */
    private static PageSource.Page<AsyncInvokeSummary> bothWays(String body) {
        Outcome read = fetch(body, true);
        Outcome sdk = fetch(body, false);
        assertThat(read).as("the reader's outcome against the SDK's, for %s", body).isEqualTo(sdk);
        return read.page();
    }

    private static List<String> memberNames(PageSource.Page<AsyncInvokeSummary> page) {
        return page.items().stream().map(item -> item.outputDataConfig() instanceof OutputDataConfig.Unknown unknown
                ? unknown.memberName() : "").toList();
    }

    private static String summary(String extra) {
        return "{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": \"2025-01-06T08:00:00.123Z\"" + extra
                + "}";
    }

    @Test
    void namesEachSummarysUnknownMemberInOrder() {
        String body = "{\"asyncInvokeSummaries\": ["
                + summary(", \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b\"}}") + ","
                + summary(", \"outputDataConfig\": {\"gcsOutputDataConfig\": {\"uri\": \"gs://x\"}}") + ","
                + summary(", \"outputDataConfig\": {\"s3OutputDataConfig\": null}") + ","
                + summary(", \"outputDataConfig\": {}") + ","
                + summary(", \"outputDataConfig\": {\"s3OutputDataConfig\": null, \"azureOutputDataConfig\": {}}")
                + "], \"nextToken\": \"t\"}";

        PageSource.Page<AsyncInvokeSummary> page = bothWays(body);

        assertThat(memberNames(page)).containsExactly("", "gcsOutputDataConfig", "", "", "azureOutputDataConfig");
        assertThat(page.items().get(0).outputDataConfig()).isEqualTo(OutputDataConfig.S3.of("s3://b"));
        assertThat(page.nextToken()).isEqualTo("t");
    }

    @Test
    void looksOnlyAtTheKeysWhereTheyBelong() {
        // The same key names inside strings, nested deeper, and under another root key do not count.
        String body = "{\"meta\": {\"asyncInvokeSummaries\": [{\"outputDataConfig\": {\"decoy\": 1}}]},"
                + " \"asyncInvokeSummaries\": [" + summary(", "
                + "\"failureMessage\": \"\\\"outputDataConfig\\\": {\\\"fake\\\": 1} \\\\\","
                + " \"tags\": [{\"outputDataConfig\": {\"nested\": []}}],"
                + " \"x\\\"outputDataConfig\": {\"inAKey\": 1},"
                + " \"outputDataConfig\": {\"newMember\": {\"outputDataConfig\": {\"deeper\": 2}}}") + "]}";

        assertThat(memberNames(bothWays(body))).containsExactly("newMember");
    }

    @Test
    void decodesEscapedNamesAndToleratesWhitespace() {
        String body = "{\n  \"asyncInvokeSummaries\" : [\n    {\n      \"invocationArn\" : \"a\", \"modelArn\" : \"m\",\n"
                + "      \"submitTime\" : \"2025-01-06T08:00:00Z\",\n      \"outputDataConfig\" : {\n"
                + "        \"caf\\u00e9Config\" : { }\n      }\n    }\n  ]\n}";

        assertThat(memberNames(bothWays(body))).containsExactly("caf\u00e9Config");
    }

    @Test
    void readsEveryMemberOfASummary() {
        String body = "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"arn:i\", \"modelArn\": \"arn:m\","
                + " \"clientRequestToken\": \"tok\", \"status\": \"Cancelled\", \"failureMessage\": \"\\u00e9\\n\","
                + " \"submitTime\": \"2025-01-06T08:00:00.123456789Z\", \"lastModifiedTime\": \"2025-01-06T10:00:00+02:00\","
                + " \"endTime\": null, \"newField\": {\"a\": [1, 2, {\"b\": null}]},"
                + " \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b/k\", \"kmsKeyId\": \"key\","
                + " \"bucketOwner\": \"111122223333\", \"extra\": true}}}], \"nextToken\": null, \"more\": 1}";

        PageSource.Page<AsyncInvokeSummary> page = bothWays(body);

        assertThat(page.items()).containsExactly(new AsyncInvokeSummary("arn:i", "arn:m", Optional.of("tok"),
                Optional.of("Cancelled"), Optional.of("\u00e9\n"), Instant.parse("2025-01-06T08:00:00.123456789Z"),
                Optional.of(Instant.parse("2025-01-06T08:00:00Z")), Optional.empty(),
                new OutputDataConfig.S3("s3://b/k", Optional.of("key"), Optional.of("111122223333"))));
        assertThat(page.nextToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"asyncInvokeSummaries\": []}", "{\"asyncInvokeSummaries\": null}",
        "{\"nextToken\": \"\", \"asyncInvokeSummaries\": []}"})
    void emptyListingsHaveNoItems(String body) {
        assertThat(bothWays(body).items()).isEmpty();
    }

    @Test
    void theReaderReadsTheBodyAndTheSdkParsesAnEmptyObject() {
        String body = "{\"asyncInvokeSummaries\": [" + summary(", \"outputDataConfig\": {\"gcs\": {}}")
                + "], \"nextToken\": \"t\"}";
        READ_BY_THE_READER.set(0);

        PageSource.Page<AsyncInvokeSummary> page = fetch(body, true).page();

        assertThat(READ_BY_THE_READER).hasValue(1);
        assertThat(memberNames(page)).containsExactly("gcs");
        // What the SDK unmarshalled, and what interceptors of the user's see after it: the empty stand-in.
        assertThat(SEEN_BY_THE_CLIENT.get().asyncInvokeSummaries()).isEmpty();
        assertThat(SEEN_BY_THE_CLIENT.get().nextToken()).isNull();
    }

    /** Bodies the reader does not read the SDK's way, so it leaves them to the SDK, which decides. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": 5, \"modelArn\": \"m\", \"submitTime\": \"2025-01-06T08:00:00Z\"}]}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"invocationArn\": \"b\", \"modelArn\": \"m\","
                + " \"submitTime\": \"2025-01-06T08:00:00Z\"}]}",
        "{\"nextToken\": \"a\", \"nextToken\": \"b\", \"asyncInvokeSummaries\": []}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": 1736150400}]}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": \"yesterday\"}]}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": \"2025-01-06T08:00:00Z\","
                + " \"outputDataConfig\": {\"s3OutputDataConfig\": {\"kmsKeyId\": \"k\"}}}]}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": \"2025-01-06T08:00:00Z\","
                + " \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://a\"}, \"s3OutputDataConfig\": null}}]}",
        "{\"asyncInvokeSummaries\": {}}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\"}], \"trailing\": 1} {}",
        "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\", \"modelArn\": \"m\", \"submitTime\": \"2025-01-06T0",
        "[]",
    })
    void leavesToTheSdkWhatItDoesNotReadTheSdksWay(String body) {
        LEFT_TO_THE_SDK.set(0);
        bothWays(body);
        Outcome read = fetch(body, true);
        assertThat(read.failure() != null || LEFT_TO_THE_SDK.get() > 0).as("left to the SDK").isTrue();
    }

    @Test
    void aBodyCutShortIsTheSdksToRefuse() {
        String body = "{\"asyncInvokeSummaries\": [" + summary(", \"failureMessage\": \"cut here");

        assertThat(fetch(body, true).failure()).isEqualTo(SdkClientException.class);
    }

    @Property(tries = 400)
    void readsEveryBodyAsTheSdkDoes(@ForAll("bodies") String body) {
        bothWays(body);
    }

    @Test
    void mostGeneratedBodiesAreReadByTheReader() {
        // The property above would hold vacuously if the reader left everything to the SDK.
        READ_BY_THE_READER.set(0);
        LEFT_TO_THE_SDK.set(0);
        for (long seed = 0; seed < 200; seed++) {
            fetch(body(seed), true);
        }
        assertThat(READ_BY_THE_READER.get()).as("read by the reader, of 200 (%d left to the SDK)",
                LEFT_TO_THE_SDK.get()).isGreaterThan(60);
        assertThat(LEFT_TO_THE_SDK.get()).as("left to the SDK, of 200").isGreaterThan(20);
    }

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Response bodies as a service might send them, and some it should not: members present, absent or null, strings
     * with quotes, backslashes, control and non-ASCII characters, timestamps in several ISO-8601 forms (and some that
     * are not), unknown members at every level, union members known and not, and now and then a duplicate key or a
     * value of the wrong type.
     */
    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.longs().map(ListResponseJsonTest::body);
    }

    /** The body {@link #bodies()} makes of a seed. */
    private static String body(long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (random.nextInt(10) < 8) {
                json.writeFieldName("asyncInvokeSummaries");
                json.writeStartArray();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    writeSummary(json, random);
                }
                json.writeEndArray();
            }
            if (random.nextInt(3) == 0) {
                json.writeFieldName("futureMember");
                json.writeStartObject();
                json.writeNumberField("n", random.nextInt());
                json.writeEndObject();
            }
            if (random.nextBoolean()) {
                json.writeFieldName("nextToken");
                if (random.nextInt(5) == 0) {
                    json.writeNull();
                } else {
                    json.writeString(text(random));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeSummary(JsonGenerator json, java.util.Random random) throws IOException {
        json.writeStartObject();
        List<String> members = new ArrayList<>(List.of("invocationArn", "modelArn", "clientRequestToken", "status",
                "failureMessage", "submitTime", "lastModifiedTime", "endTime", "outputDataConfig", "unknownMember"));
        java.util.Collections.shuffle(members, random);
        for (String member : members) {
            int roll = random.nextInt(100);
            boolean required = member.equals("invocationArn") || member.equals("modelArn")
                    || member.equals("submitTime");
            if (roll < (required ? 2 : 25)) {
                continue; // absent
            }
            json.writeFieldName(member);
            if (roll < (required ? 4 : 35)) {
                json.writeNull();
            } else if (roll < (required ? 5 : 37)) {
                json.writeNumber(random.nextInt(1000)); // the wrong type
            } else if (member.endsWith("Time")) {
                json.writeString(random.nextInt(100) < 95 ? "2025-01-06T08:00:00.123Z" : TIMES.get(random.nextInt(TIMES.size())));
            } else if (member.equals("outputDataConfig")) {
                writeUnion(json, random);
            } else if (member.equals("unknownMember")) {
                json.writeStartArray();
                json.writeString(text(random));
                json.writeStartObject();
                json.writeBooleanField("outputDataConfig", true);
                json.writeEndObject();
                json.writeEndArray();
            } else {
                json.writeString(text(random));
            }
            if (random.nextInt(100) == 0) {
                json.writeStringField(member, text(random)); // a duplicate key
            }
        }
        json.writeEndObject();
    }

    private static void writeUnion(JsonGenerator json, java.util.Random random) throws IOException {
        json.writeStartObject();
        int members = random.nextInt(3);
        for (int m = 0; m < members; m++) {
            if (random.nextInt(3) > 0) {
                json.writeFieldName("s3OutputDataConfig");
                if (random.nextInt(6) == 0) {
                    json.writeNull();
                } else {
                    json.writeStartObject();
                    if (random.nextInt(12) > 0) {
                        json.writeStringField("s3Uri", "s3://" + text(random));
                    }
                    if (random.nextBoolean()) {
                        json.writeStringField("kmsKeyId", text(random));
                    }
                    if (random.nextBoolean()) {
                        json.writeStringField("bucketOwner", "111122223333");
                    }
                    json.writeEndObject();
                }
            } else {
                json.writeFieldName(random.nextBoolean() ? "gcsOutputDataConfig" : "m" + text(random));
                json.writeStartObject();
                json.writeStringField("uri", text(random));
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    /** Characters that JSON escapes, or that take more than a byte, or that look like JSON's own. */
    private static final String TRICKY = "ab\"\\/\n\t\u0001\u00e9\u20ac\uD83D\uDE00 {}[],:";
    private static final List<String> TIMES = List.of("2025-01-06T08:00:00Z", "2025-01-06T08:00:00.1Z",
            "2025-01-06T08:00:00.123Z", "2025-01-06T08:00:00.123456789Z", "2025-01-06T10:00:00+02:00",
            "2025-01-06T08:00:00.5+00:00", "2025-01-06T08:00Z", "2025-13-06T08:00:00Z", "not a time", "");

    /** Up to 12 characters of {@link #TRICKY}; a surrogate pair stays a pair. */
    private static String text(java.util.Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(TRICKY.length());
            if (Character.isLowSurrogate(TRICKY.charAt(at))) {
                at--;
            }
            text.append(TRICKY.charAt(at));
            if (Character.isHighSurrogate(TRICKY.charAt(at))) {
                text.append(TRICKY.charAt(at + 1));
            }
        }
        return text.toString();
    }

    @Test
    void aFailedReadLeavesNothingOfTheLastPageBehind() {
        ListResponseReader reader = new ListResponseReader();
        SdkPageSource source = new SdkPageSource(CLIENT, ListAsyncInvokesQuery.all(), null, "startingToken", reader);
        HTTP.body = ("{\"asyncInvokeSummaries\": [" + summary(", \"outputDataConfig\": {\"gcs\": {}}") + "]}")
                .getBytes(StandardCharsets.UTF_8);
        source.fetch(null, 1);
        assertThat(reader.page()).isNotNull();
        HTTP.body = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> source.fetch(null, 1)).isInstanceOf(SdkClientException.class);
        assertThat(reader.page()).isNull();
    }

    @Property(tries = 2000)
    void readsTheServicesTimestampsAsTheSdkDoes(@ForAll("utcTimestamps") String text) {
        assertThat(ListResponseJson.utcInstant(text)).as(text).isEqualTo(DateUtils.parseIso8601Date(text));
    }

    /** The form the service writes, with 0 to 9 fraction digits, over the whole range of four-digit years. */
    @Provide
    Arbitrary<String> utcTimestamps() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> digits = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        return net.jqwik.api.Combinators.combine(seconds, nanos, digits).as((second, nano, fraction) -> {
            String whole = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochSecond(second));
            String nines = String.format("%09d", nano);
            return whole + (fraction == 0 ? "" : "." + nines.substring(0, fraction)) + "Z";
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999999999Z", "2025-01-06T08:00:00Z", "0001-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.9Z", "1970-01-01T00:00:00.000000001Z"})
    void readsTheCommonFormExactly(String text) {
        assertThat(ListResponseJson.utcInstant(text)).isEqualTo(Instant.parse(text))
                .isEqualTo(DateUtils.parseIso8601Date(text));
    }

    /** Anything else is the SDK's to read or refuse. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-32T00:00:00Z",
        "2025-01-06T24:00:00Z", "2025-01-06T23:60:00Z", "2025-01-06T23:59:60Z", "0000-01-01T00:00:00Z",
        "2025-01-06T08:00:00.Z", "2025-01-06T08:00:00.1234567890Z", "2025-01-06T08:00:00+00:00", "2025-01-06 08:00:00Z",
        "2025-01-06T08:00:00z", "2025-1-06T08:00:00Z", "+2025-01-06T08:00:00Z", "2025-01-06T08:00:0١Z", "",
        "2025-01-06T08:00:00.1a3Z"})
    void leavesOtherFormsToTheSdk(String text) {
        assertThat(ListResponseJson.utcInstant(text)).isNull();
    }

    @Test
    void onlyAClientWithInterceptorsOfItsOwnHasEveryBodyParsedByTheSdk() {
        assertThat(SdkPageSource.hasInterceptorsOfItsOwn(CLIENT.serviceClientConfiguration())).isTrue();
        try (BedrockRuntimeClient plain = BedrockRuntimeClient.builder().httpClient(HTTP).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .build()) {
            assertThat(SdkPageSource.hasInterceptorsOfItsOwn(plain.serviceClientConfiguration())).isFalse();
        }
    }
}
