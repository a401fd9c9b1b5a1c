package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Every fault the emulator can inject, met by the lister over real HTTP with the SDK's standard retries (3
 * attempts, millisecond backoff so the suite stays fast). Each either completes after retries or fails with a
 * typed exception whose token resumes exactly: the items delivered, then the items resumed, are the listing,
 * item by item. RELIABILITY.md records the figures of {@link #randomFaultsNeverLoseOrRepeatAnItem()}.
 */
class FaultSuiteTest {
    private static final int COUNT = 200;
    private static final int PAGE = 20;
    private static BedrockRuntimeEmulator emulator;
    private static BedrockRuntimeClient client;
    private static AsyncInvokeLister lister;
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 77).start();
        BackoffStrategy fast = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(5));
        client = emulator.clientBuilder()
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(3).backoffStrategy(fast).throttlingBackoffStrategy(fast)
                                .circuitBreakerEnabled(false).build())
                        .apiCallAttemptTimeout(Duration.ofMillis(300)))
                .build();
        lister = AsyncInvokeLister.create(client);
        newestFirst = Listings.newestFirst(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    /** Runs a listing to its end, resuming after every {@link ListingException}; returns the items in order. */
    private static List<AsyncInvokeSummary> listResuming(PaginationConfig pagination, List<ListingException> stops) {
        List<AsyncInvokeSummary> delivered = new ArrayList<>();
        String token = pagination.startingToken().orElse(null);
        while (true) {
            try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(),
                    pagination.withStartingToken(token))) {
                items.forEach(delivered::add);
                return delivered;
            } catch (ListingException e) {
                stops.add(e);
                token = e.resumeToken().orElseThrow();
            }
        }
    }

    static Stream<Arguments> retriedFaults() {
        return Stream.of(
                Arguments.of(Fault.THROTTLE, ThrottlingException.class),
                Arguments.of(Fault.INTERNAL_ERROR, InternalServerException.class),
                Arguments.of(Fault.SERVICE_UNAVAILABLE, BedrockRuntimeException.class),
                Arguments.of(Fault.RESET_CONNECTION, SdkClientException.class),
                Arguments.of(Fault.TRUNCATED_BODY, SdkClientException.class),
                Arguments.of(Fault.MALFORMED_BODY, SdkClientException.class),
                Arguments.of(Fault.stall(Duration.ofSeconds(1)), ApiCallAttemptTimeoutException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retriedFaults")
    void completesWhenRetriesOutlastABurst(Fault fault, Class<? extends SdkException> unused) {
        emulator.faults().next(Fault.NONE, Fault.NONE, fault, fault);
        List<ListingException> stops = new ArrayList<>();
        assertThat(listResuming(PaginationConfig.builder().pageSize(PAGE).build(), stops)).isEqualTo(newestFirst);
        assertThat(stops).isEmpty();
        assertThat(emulator.requests()).hasSize(COUNT / PAGE + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retriedFaults")
    void failsWithTokenThatResumesExactlyWhenABurstOutlastsRetries(Fault fault,
            Class<? extends SdkException> cause) {
        emulator.faults().next(Fault.NONE, Fault.NONE, fault, fault, fault);
        List<AsyncInvokeSummary> delivered = new ArrayList<>();
        PaginationConfig pagination = PaginationConfig.builder().pageSize(PAGE).build();
        assertThatThrownBy(() -> {
            try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(), pagination)) {
                items.forEach(delivered::add);
            }
        }).isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(cause);
            assertThat(e.getMessage()).contains("after 2 pages and 40 items");
            assertThat(delivered).isEqualTo(newestFirst.subList(0, 2 * PAGE));
            assertThat(listResuming(pagination.withStartingToken(e.resumeToken().orElseThrow()), new ArrayList<>()))
                    .isEqualTo(newestFirst.subList(2 * PAGE, COUNT));
        });
    }

    @Test
    void accessDeniedIsNotRetriedAndResumesExactly() {
        emulator.faults().next(Fault.NONE, Fault.ACCESS_DENIED);
        PaginationConfig pagination = PaginationConfig.builder().pageSize(PAGE).build();
        assertThatThrownBy(() -> lister.list(ListAsyncInvokesQuery.all(), pagination))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(AccessDeniedException.class);
                    assertThat(e.partialItems()).isEqualTo(newestFirst.subList(0, PAGE));
                    assertThat(lister.list(ListAsyncInvokesQuery.all(),
                            pagination.withStartingToken(e.resumeToken().orElseThrow())).items())
                            .isEqualTo(newestFirst.subList(PAGE, COUNT));
                });
        assertThat(emulator.requests()).extracting(r -> r.fault().orElse(Fault.NONE))
                .containsExactly(Fault.NONE, Fault.ACCESS_DENIED, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE,
                        Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE);
    }

    @Test
    void repeatedAndCyclingTokensFailWithTokensThatResumeExactly() {
        emulator.faults().next(Fault.NONE, Fault.REPEAT_TOKEN);
        List<ListingException> stops = new ArrayList<>();
        assertThat(listResuming(PaginationConfig.builder().pageSize(PAGE).build(), stops)).isEqualTo(newestFirst);
        emulator.faults().next(Fault.NONE, Fault.NONE, Fault.CYCLE_TOKEN);
        assertThat(listResuming(PaginationConfig.builder().pageSize(PAGE).build(), stops)).isEqualTo(newestFirst);
        assertThat(stops).hasSize(2).allSatisfy(e -> assertThat(e).isExactlyInstanceOf(TokenCycleException.class));
    }

    @Test
    void emptyPagesWithTokenAndOversizedPagesLoseNothing() {
        emulator.faults().next(Fault.EMPTY_PAGE_WITH_TOKEN, Fault.NONE, Fault.OVERSIZED_PAGE, Fault.NONE,
                Fault.EMPTY_PAGE_WITH_TOKEN, Fault.OVERSIZED_PAGE);
        List<ListingException> stops = new ArrayList<>();
        assertThat(listResuming(PaginationConfig.builder().pageSize(PAGE).build(), stops)).isEqualTo(newestFirst);
        emulator.faults().next(Fault.OVERSIZED_PAGE, Fault.OVERSIZED_PAGE);
        assertThat(listResuming(PaginationConfig.builder().pageSize(PAGE).maxItems(45).build(), stops))
                .isEqualTo(newestFirst.subList(0, 45));
        assertThat(stops).isEmpty();
    }

    @Test
    void randomFaultsNeverLoseOrRepeatAnItem() {
        List<Fault> faults = List.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE,
                Fault.RESET_CONNECTION, Fault.TRUNCATED_BODY, Fault.MALFORMED_BODY, Fault.ACCESS_DENIED,
                Fault.REPEAT_TOKEN, Fault.CYCLE_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN, Fault.OVERSIZED_PAGE);
        Random random = new Random(20261130);
        int listings = 150;
        long injected = 0;
        long resumptions = 0;
        long lost = 0;
        long repeated = 0;
        for (int listing = 0; listing < listings; listing++) {
            emulator.faults().clear();
            emulator.clearRequests();
            List<Fault> script = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                script.add(random.nextInt(4) == 0 ? faults.get(random.nextInt(faults.size())) : Fault.NONE);
            }
            emulator.faults().next(script.toArray(Fault[]::new));
            int pageSize = 1 + random.nextInt(40);
            Integer maxItems = random.nextBoolean() ? null : 1 + random.nextInt(COUNT + 20);
            PaginationConfig pagination = PaginationConfig.builder().pageSize(pageSize).maxItems(maxItems).build();
            List<AsyncInvokeSummary> expected = newestFirst.subList(0,
                    maxItems == null ? COUNT : Math.min(COUNT, maxItems));

            List<ListingException> stops = new ArrayList<>();
            int way = random.nextInt(3);
            List<AsyncInvokeSummary> got = listMaxItemsResuming(pagination, stops, way);
            resumptions += stops.size();
            injected += emulator.requests().stream().map(RecordedRequest::fault)
                    .filter(f -> f.isPresent() && f.get() != Fault.NONE).count();
            lost += expected.stream().filter(item -> !got.contains(item)).count();
            repeated += got.size() - got.stream().distinct().count();
            assertThat(got).as("listing %d (page size %d, max items %s, way %d)", listing, pageSize, maxItems, way)
                    .isEqualTo(expected);
        }
        System.out.printf("fault suite: %d listings, %d faults injected, %d listings survived, %d resumptions,"
                + " %d items lost, %d items repeated%n", listings, injected, listings, resumptions, lost, repeated);
        assertThat(injected).isGreaterThan(500);
        assertThat(resumptions).isGreaterThan(50);
        assertThat(lost).isZero();
        assertThat(repeated).isZero();
    }

    /**
     * The classes of hostile response the hardening found, drawn at random among the faults above: pages with a
     * summary that lacks a required member (or is null), and runs of empty pages longer than the lister's limit.
     * Each failed listing is resumed from its token, as a caller would; the items must come out whole.
     */
    @Test
    void randomHostileResponsesNeverLoseOrRepeatAnItem() {
        String good = "{\"invocationArn\": \"arn:aws:bedrock:us-east-1:123456789012:async-invoke/zzzzzzzzzzzz\","
                + " \"modelArn\": \"arn:m\", \"submitTime\": \"2025-01-06T08:00:00Z\", \"outputDataConfig\":"
                + " {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b/k\"}}}";
        List<Fault> malformed = List.of(
                page(good.replace("\"invocationArn\": \"arn:aws:bedrock:us-east-1:123456789012:async-invoke/"
                        + "zzzzzzzzzzzz\", ", "")),
                page(good.replace("\"modelArn\": \"arn:m\"", "\"modelArn\": null")),
                page(good.replace("\"submitTime\": \"2025-01-06T08:00:00Z\", ", "")),
                page(good.replace(", \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b/k\"}}", "")),
                page(good.replace("\"s3Uri\": \"s3://b/k\"", "\"kmsKeyId\": \"k\"")),
                page("null"));
        List<Fault> ordinary = List.of(Fault.THROTTLE, Fault.RESET_CONNECTION, Fault.ACCESS_DENIED, Fault.CYCLE_TOKEN,
                Fault.OVERSIZED_PAGE);
        AsyncInvokeLister bounded = lister.withEmptyPageLimit(4);
        Random random = new Random(20261201);
        int listings = 150;
        long malformedServed = 0;
        long malformedStops = 0;
        long emptyPageStops = 0;
        long resumptions = 0;
        long lost = 0;
        long repeated = 0;
        for (int listing = 0; listing < listings; listing++) {
            emulator.faults().clear();
            emulator.clearRequests();
            List<Fault> script = new ArrayList<>();
            while (script.size() < 60) {
                int roll = random.nextInt(10);
                if (roll == 0) {
                    script.add(malformed.get(random.nextInt(malformed.size())));
                } else if (roll == 1) {
                    int run = 1 + random.nextInt(8); // over the limit of 4 when 5 or more
                    for (int i = 0; i < run; i++) {
                        script.add(Fault.EMPTY_PAGE_WITH_TOKEN);
                    }
                } else if (roll == 2) {
                    script.add(ordinary.get(random.nextInt(ordinary.size())));
                } else {
                    script.add(Fault.NONE);
                }
            }
            emulator.faults().next(script.toArray(Fault[]::new));
            PaginationConfig pagination = PaginationConfig.builder().pageSize(1 + random.nextInt(40)).build();

            List<AsyncInvokeSummary> got = new ArrayList<>();
            String token = null;
            while (true) {
                try (Stream<AsyncInvokeSummary> items = bounded.stream(ListAsyncInvokesQuery.all(),
                        pagination.withStartingToken(token))) {
                    items.forEach(got::add);
                    break;
                } catch (ListingException e) {
                    resumptions++;
                    malformedStops += e.getMessage().contains("is malformed") ? 1 : 0;
                    emptyPageStops += e instanceof EmptyPagesException ? 1 : 0;
                    token = e.resumeToken().orElseThrow();
                }
            }
            malformedServed += emulator.requests().stream().map(RecordedRequest::fault)
                    .filter(f -> f.isPresent() && f.get() instanceof Fault.CannedResponse).count();
            lost += newestFirst.stream().filter(item -> !got.contains(item)).count();
            repeated += got.size() - got.stream().distinct().count();
            assertThat(got).as("listing %d", listing).isEqualTo(newestFirst);
        }
        System.out.printf("hostile responses: %d listings, %d malformed pages served, %d stops on them, %d stops on"
                + " runs of empty pages over the limit, %d listings survived, %d resumptions, %d items lost,"
                + " %d items repeated%n", listings, malformedServed, malformedStops, emptyPageStops, listings,
                resumptions, lost, repeated);
        assertThat(malformedStops).isEqualTo(malformedServed).isGreaterThan(50);
        assertThat(emptyPageStops).isGreaterThan(20);
        assertThat(lost).isZero();
        assertThat(repeated).isZero();
    }

    /** A page of one summary, as a hostile server writes it, with a token. */
    private static Fault page(String summary) {
        return Fault.respond("{\"asyncInvokeSummaries\": [" + summary + "], \"nextToken\": \"t\"}");
    }

    /**
     * Like {@link #listResuming}, through one of the three ways to list (0: stream, 1: cursor, 2: list), keeping
     * maxItems across resumptions as a caller would: what is left of it.
     */
    private static List<AsyncInvokeSummary> listMaxItemsResuming(PaginationConfig pagination,
            List<ListingException> stops, int way) {
        List<AsyncInvokeSummary> delivered = new ArrayList<>();
        PaginationConfig current = pagination;
        while (true) {
            try {
                switch (way) {
                    case 0 -> {
                        try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(), current)) {
                            items.forEach(delivered::add);
                        }
                    }
                    case 1 -> {
                        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(), current)) {
                            cursor.forEachRemaining(delivered::add);
                        }
                    }
                    default -> delivered.addAll(lister.list(ListAsyncInvokesQuery.all(), current).items());
                }
                return Collections.unmodifiableList(delivered);
            } catch (ListingException e) {
                stops.add(e);
                delivered.addAll(e.partialItems());
                current = pagination.withStartingToken(e.resumeToken().orElseThrow());
                if (pagination.maxItems().isPresent()) {
                    int left = pagination.maxItems().getAsInt() - delivered.size();
                    if (left == 0) {
                        return delivered;
                    }
                    current = current.withMaxItems(left);
                }
            }
        }
    }
}
