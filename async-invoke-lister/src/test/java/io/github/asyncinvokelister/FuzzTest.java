package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input, fuzzed: random strings, random bytes in base64, base64 of random JSON, huge and negative numbers, long
 * and non-ASCII strings at {@code startingToken}, and random values at every query and pagination field. The only
 * outcomes allowed are a normal listing, or a standard exception ({@link IllegalArgumentException},
 * {@link NullPointerException}) whose message names the input. Any other exception fails the property, and so
 * does any request the emulator received that the service's model would refuse.
 */
class FuzzTest {
    private static final Pattern SERVICE_TOKEN = Pattern.compile("\\S+");
    private static final Set<String> STATUSES = Set.of("InProgress", "Completed", "Failed");
    private static final Set<String> PARAMETERS = Set.of("submitTimeAfter", "submitTimeBefore", "statusEquals",
            "maxResults", "nextToken", "sortBy", "sortOrder");
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;

    @BeforeContainer
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(60, 3).start();
        lister = AsyncInvokeLister.create(emulator.client());
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @Property(tries = 1000)
    void randomStringsAtStartingToken(@ForAll @StringLength(max = 5000) String token) {
        listFromToken(token);
    }

    @Property(tries = 500)
    void randomBytesInBase64AtStartingToken(@ForAll @Size(max = 3100) byte[] bytes) {
        listFromToken(Base64.getEncoder().encodeToString(bytes));
    }

    @Property(tries = 1000)
    void base64OfRandomJsonAtStartingToken(@ForAll("jsonObjects") String json) {
        listFromToken(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void hugeAndNegativeNumbersAsTruncateAmounts(@ForAll BigInteger amount, @ForAll boolean deprecatedForm) {
        String token = deprecatedForm ? "abc___" + amount
                : Base64.getEncoder().encodeToString(("{\"nextToken\": null, \"boto_truncate_amount\": " + amount
                        + "}").getBytes(StandardCharsets.UTF_8));
        listFromToken(token);
    }

    @Property(tries = 500)
    void longAndNonAsciiServiceTokens(@ForAll @StringLength(min = 1, max = 4200) String serviceToken) {
        listFromToken(Base64.getEncoder().encodeToString(("{\"nextToken\": " + TestJson.quote(serviceToken) + "}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void randomValuesAtEveryQueryAndPaginationField(
            @ForAll @WithNull Integer maxItems, @ForAll @WithNull Integer pageSize,
            @ForAll("instants") Instant after, @ForAll("instants") Instant before,
            @ForAll @WithNull InvocationStatus status, @ForAll @WithNull SortBy sortBy,
            @ForAll @WithNull SortOrder sortOrder) {
        emulator.clearRequests();
        try {
            ListAsyncInvokesQuery query = ListAsyncInvokesQuery.builder().submitTimeAfter(after)
                    .submitTimeBefore(before).statusEquals(status).sortBy(sortBy).sortOrder(sortOrder).build();
            PaginationConfig pagination = PaginationConfig.builder().maxItems(maxItems).pageSize(pageSize).build();
            try (Stream<AsyncInvokeSummary> items = lister.stream(query, pagination)) {
                items.limit(25).forEach(item -> { });
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            assertThat(e.getMessage()).containsAnyOf("maxItems", "pageSize", "submitTimeAfter", "submitTimeBefore",
                    "statusEquals");
        }
        assertEveryRequestIsWellFormed();
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyInstant = Arbitraries.longs().between(Instant.MIN.getEpochSecond(),
                Instant.MAX.getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<Instant> near = Arbitraries.longs().between(1_700_000_000L, 1_760_000_000L)
                .map(Instant::ofEpochSecond);
        return Arbitraries.frequencyOf(
                Tuple.of(3, near), Tuple.of(1, anyInstant),
                Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<String> jsonObjects() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("nextToken", "boto_truncate_amount",
                "boto_encoded_keys"), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(TestJson::quote),
                Arbitraries.bigIntegers().map(BigInteger::toString),
                Arbitraries.doubles().filter(Double::isFinite).map(String::valueOf),
                Arbitraries.of("null", "true", "false", "[]", "[1, \"a\"]", "{}", "{\"x\": {\"y\": null}}"));
        Arbitrary<String> member = Combinators.combine(keys, values).as((k, v) -> TestJson.quote(k) + ": " + v);
        return member.list().ofMaxSize(4).map(members -> "{" + String.join(", ", members) + "}");
    }

    private static void listFromToken(String token) {
        emulator.clearRequests();
        try {
            try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(),
                    PaginationConfig.builder().startingToken(token).pageSize(10).maxItems(15).build())) {
                items.forEach(item -> { });
            }
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("startingToken");
            assertQuotesNoneOf(e.getMessage(), token);
        }
        assertEveryRequestIsWellFormed();
    }

    /** The message quotes no run of 16 characters of the token, nor of what its base64 decodes to. */
    private static void assertQuotesNoneOf(String message, String token) {
        List<String> texts = new java.util.ArrayList<>(List.of(token));
        try {
            texts.add(new String(Base64.getMimeDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            // nothing decoded to quote
        }
        for (String quoted : texts) {
            // The two keys a token may have are the format's, not the token's content, and messages name them.
            String text = quoted.replace("boto_truncate_amount", " ").replace("nextToken", " ");
            for (int i = 0; i + 16 <= text.length(); i += 8) {
                String run = text.substring(i, i + 16);
                if (!run.isBlank() && !"startingToken's ".contains(run)) {
                    assertThat(message).as("message of a refused token").doesNotContain(run);
                }
            }
        }
    }

    /** What the service's model takes: anything else would be a request with garbage in it. */
    private static void assertEveryRequestIsWellFormed() {
        List<RecordedRequest> requests = emulator.requests();
        for (RecordedRequest request : requests) {
            assertThat(PARAMETERS).containsAll(request.queryParameters().keySet());
            assertThat(request.maxResults()).hasValueSatisfying(max -> assertThat(max).isBetween(1, 1000));
            request.nextToken().ifPresent(token -> {
                assertThat(token).matches(SERVICE_TOKEN);
                assertThat(token.codePointCount(0, token.length())).isBetween(1, 2048);
            });
            String status = request.queryParameters().get("statusEquals");
            if (status != null) {
                assertThat(STATUSES).contains(status);
            }
            for (String time : new String[] {"submitTimeAfter", "submitTimeBefore"}) {
                String value = request.queryParameters().get(time);
                if (value != null) {
                    assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
                    DateTimeFormatter.ISO_INSTANT.parse(value);
                }
            }
        }
    }
}
