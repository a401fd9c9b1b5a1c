package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The non-blocking lister against the blocking one, over the same emulator: the same requests, items and tokens, and
 * the Reactive Streams behaviour that the TCK ({@link ReactiveAsyncInvokeListerTckTest}) does not pin down.
 */
class ReactiveAsyncInvokeListerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static BedrockRuntimeEmulator emulator;
    private static BedrockRuntimeClient syncClient;
    private static BedrockRuntimeAsyncClient asyncClient;
    private static AsyncInvokeLister blocking;
    private static ReactiveAsyncInvokeLister reactive;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(2600, 11).start();
        syncClient = emulator.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        asyncClient = emulator.asyncClientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        blocking = AsyncInvokeLister.create(syncClient);
        reactive = ReactiveAsyncInvokeLister.create(asyncClient);
    }

    @AfterAll
    static void stop() {
        syncClient.close();
        asyncClient.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    /** Each request as its token and {@code maxResults}: what two listings must agree on. */
    private static List<String> requestLine() {
        return emulator.requests().stream().map(r -> r.rawQuery().orElse("")).collect(Collectors.toList());
    }

    private static List<SummaryPage> blockingPages(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        try (Stream<SummaryPage> pages = blocking.pages(query, pagination)) {
            return pages.collect(Collectors.toList());
        }
    }

    /** A token in boto3's own form, as its paginator writes one for a cut {@code skip} items into a page. */
    private static String boto3Token(String serviceToken, int skip) {
        String json = "{\"nextToken\": \"" + serviceToken + "\", \"boto_truncate_amount\": " + skip + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> paginations() {
        String serviceToken = blockingServiceToken();
        return Stream.of(
                Arguments.of("whole listing, pages of 1000", PaginationConfig.none()),
                Arguments.of("pages of 7, maxItems 30", PaginationConfig.builder().pageSize(7).maxItems(30).build()),
                Arguments.of("pages of 100, maxItems 999", PaginationConfig.builder().pageSize(100).maxItems(999)
                        .build()),
                Arguments.of("maxItems 1001", PaginationConfig.builder().maxItems(1001).build()),
                Arguments.of("pages of 300, maxItems 2500", PaginationConfig.builder().pageSize(300).maxItems(2500)
                        .build()),
                Arguments.of("a cut mid-page, resumed", PaginationConfig.builder().pageSize(50).maxItems(80)
                        .startingToken(cutToken()).build()),
                Arguments.of("boto3's token, 3 into a page", PaginationConfig.builder().pageSize(10).maxItems(25)
                        .startingToken(boto3Token(serviceToken, 3)).build()));
    }

    /** The token a {@code maxItems} cut inside a page gives: a resume with a truncate amount. */
    private static String cutToken() {
        return blockingListerForSetUp().list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(40)
                .maxItems(55).build()).nextToken().orElseThrow();
    }

    private static String blockingServiceToken() {
        return blockingListerForSetUp().fetchPage(ListAsyncInvokesQuery.all(), PageRequest.first().withMaxResults(5))
                .nextToken().orElseThrow();
    }

    /** Arguments are made after {@link #start()}, so the emulator is there. */
    private static AsyncInvokeLister blockingListerForSetUp() {
        return blocking;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paginations")
    void sameRequestsPagesItemsAndTokensAsTheBlockingLister(String name, PaginationConfig pagination)
            throws Exception {
        ListAsyncInvokesQuery query = ListAsyncInvokesQuery.all();
        List<SummaryPage> expected = blockingPages(query, pagination);
        List<String> expectedRequests = requestLine();
        assertThat(expectedRequests).isNotEmpty();

        emulator.clearRequests();
        List<SummaryPage> pages = Flux.from(reactive.pages(query, pagination)).collectList().block(WAIT);
        assertThat(pages).isEqualTo(expected);
        assertThat(requestLine()).isEqualTo(expectedRequests);

        emulator.clearRequests();
        List<AsyncInvokeSummary> items = Flux.from(reactive.items(query, pagination)).collectList().block(WAIT);
        assertThat(items).isEqualTo(expected.stream().flatMap(p -> p.items().stream()).toList());
        assertThat(requestLine()).isEqualTo(expectedRequests);

        emulator.clearRequests();
        assertThat(reactive.list(query, pagination).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(blocking.list(query, pagination));
    }

    @Test
    void filtersAndTheUnknownUnionMemberAreTheBlockingListersToo() {
        ListAsyncInvokesQuery failed = ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.FAILED)
                .sortOrder(SortOrder.ASCENDING).build();
        PaginationConfig pagination = PaginationConfig.builder().pageSize(90).build();
        List<AsyncInvokeSummary> expected = blocking.list(failed, pagination).items();

        List<AsyncInvokeSummary> items = Flux.from(reactive.items(failed, pagination)).collectList().block(WAIT);

        assertThat(items).isEqualTo(expected).isNotEmpty();
        List<AsyncInvokeSummary> all = Flux.from(reactive.items(ListAsyncInvokesQuery.all(), PaginationConfig.none()))
                .collectList().block(WAIT);
        assertThat(all).anySatisfy(s -> assertThat(s.outputDataConfig()).isInstanceOf(OutputDataConfig.Unknown.class));
        assertThat(all).isEqualTo(Listings.newestFirst(emulator));
    }

    @Test
    void aFailedRequestEndsTheListingWithTheBlockingListersExceptionAndToken() {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(100).build();
        emulator.faults().next(Fault.NONE, Fault.NONE, Fault.ACCESS_DENIED);
        RequestFailedException expected = catchListing(() -> blocking.list(ListAsyncInvokesQuery.all(), pagination));
        emulator.faults().next(Fault.NONE, Fault.NONE, Fault.ACCESS_DENIED);

        CompletableFuture<ListResult> result = reactive.list(ListAsyncInvokesQuery.all(), pagination);

        assertThat(result).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RequestFailedException.class, e -> {
                    assertThat(e.resumeToken()).isEqualTo(expected.resumeToken());
                    assertThat(e.partialItems()).hasSize(200).isEqualTo(expected.partialItems());
                    assertThat(e.getCause()).isInstanceOf(
                            software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException.class);
                });
        // The token resumes exactly after the 200 items.
        assertThat(blocking.list(ListAsyncInvokesQuery.all(), pagination.withStartingToken(expected.resumeToken().orElseThrow()))
                .items()).isEqualTo(Listings.newestFirst(emulator).subList(200, 2600));
    }

    static Stream<Arguments> faults() {
        String unreadable = "{\"asyncInvokeSummaries\": [{\"modelArn\": \"m\"}], \"nextToken\": \"x\"}";
        return Stream.of(
                Arguments.of("a throttle", Fault.THROTTLE),
                Arguments.of("a server error", Fault.INTERNAL_ERROR),
                Arguments.of("a connection reset", Fault.RESET_CONNECTION),
                Arguments.of("a body cut short", Fault.TRUNCATED_BODY),
                Arguments.of("a body that is not JSON", Fault.MALFORMED_BODY),
                Arguments.of("a summary without its ARN", Fault.respond(unreadable)),
                Arguments.of("a page larger than asked", Fault.OVERSIZED_PAGE),
                Arguments.of("an empty page with a token", Fault.EMPTY_PAGE_WITH_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultOnTheThirdPageEndsBothListersAlike(String name, Fault fault) throws Exception {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(100).maxItems(450).build();
        emulator.faults().next(Fault.NONE, Fault.NONE, fault);
        Object expected = outcome(() -> blocking.list(ListAsyncInvokesQuery.all(), pagination));
        List<String> expectedRequests = requestLine();
        emulator.clearRequests();
        emulator.faults().next(Fault.NONE, Fault.NONE, fault);

        Object actual = outcome(() -> reactive.list(ListAsyncInvokesQuery.all(), pagination)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertThat(actual).isEqualTo(expected);
        assertThat(requestLine()).isEqualTo(expectedRequests);
    }

    /** A listing's result, or what it failed with: the exception's class, token, partial items and cause's class. */
    private static Object outcome(java.util.concurrent.Callable<ListResult> listing) {
        try {
            return listing.call();
        } catch (Exception e) {
            Throwable failure = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            if (failure instanceof ListingException listingFailure) {
                return List.of(failure.getClass(), listingFailure.resumeToken(), listingFailure.partialItems(),
                        String.valueOf(failure.getCause() == null ? null : failure.getCause().getClass()));
            }
            return failure.getClass();
        }
    }

    private static RequestFailedException catchListing(Runnable listing) {
        try {
            listing.run();
        } catch (RequestFailedException e) {
            return e;
        }
        throw new AssertionError("the listing did not fail");
    }

    @Test
    void theCycleAndEmptyPageGuardsAreTheBlockingListers() {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(100).build();
        emulator.faults().next(Fault.NONE, Fault.REPEAT_TOKEN);
        TokenCycleException cycle = null;
        try {
            blocking.list(ListAsyncInvokesQuery.all(), pagination);
        } catch (TokenCycleException e) {
            cycle = e;
        }
        assertThat(cycle).isNotNull();
        List<String> blockingRequests = requestLine();
        emulator.clearRequests();
        emulator.faults().next(Fault.NONE, Fault.REPEAT_TOKEN);
        Subscribed<AsyncInvokeSummary> cycled = Subscribed.all(reactive.items(ListAsyncInvokesQuery.all(),
                pagination));
        assertThat(cycled.error()).isInstanceOf(TokenCycleException.class)
                .extracting(e -> ((TokenCycleException) e).resumeToken()).isEqualTo(cycle.resumeToken());
        assertThat(cycled.items).hasSize(200);
        assertThat(requestLine()).isEqualTo(blockingRequests);

        emulator.faults().rate(Fault.EMPTY_PAGE_WITH_TOKEN, 1.0, 3);
        Subscribed<AsyncInvokeSummary> empty = Subscribed.all(reactive.withEmptyPageLimit(5).items(
                ListAsyncInvokesQuery.all(), pagination));
        assertThat(empty.error()).isInstanceOf(EmptyPagesException.class);
        assertThat(empty.items).isEmpty();
    }

    @Test
    void badInputAndAClosedListerThrowFromTheMethodBeforeAnyRequest() {
        assertThatNullPointerException().isThrownBy(() -> reactive.items(null, PaginationConfig.none()));
        assertThatNullPointerException().isThrownBy(() -> reactive.pages(ListAsyncInvokesQuery.all(), null));
        assertThatNullPointerException().isThrownBy(() -> ReactiveAsyncInvokeLister.create(null));
        ReactiveAsyncInvokeLister closed = ReactiveAsyncInvokeLister.create(asyncClient);
        SdkPublisherHolder before = new SdkPublisherHolder(closed.items(ListAsyncInvokesQuery.all(),
                PaginationConfig.none()));
        closed.close();
        assertThatIllegalStateException().isThrownBy(() -> closed.items(ListAsyncInvokesQuery.all(),
                PaginationConfig.none())).withMessageContaining("closed");
        assertThatIllegalStateException().isThrownBy(() -> closed.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.none()));
        assertThatIllegalStateException().isThrownBy(() -> closed.withEmptyPageLimit(3).pages(
                ListAsyncInvokesQuery.all(), PaginationConfig.none()));
        // A publisher made before the lister closed fails its subscribers at once, without demand.
        Subscribed<AsyncInvokeSummary> late = Subscribed.none(before.publisher);
        assertThat(late.awaitEnd()).isInstanceOf(IllegalStateException.class);
        assertThat(emulator.requestCount()).isZero();
    }

    private record SdkPublisherHolder(Publisher<AsyncInvokeSummary> publisher) {
    }

    @Test
    void nothingIsRequestedBeforeDemandAndANewPageOnlyWhenTheLastOneIsUsedUp() throws InterruptedException {
        Subscribed<AsyncInvokeSummary> subscriber = Subscribed.none(reactive.items(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(100).build()));
        Thread.sleep(200);
        assertThat(emulator.requestCount()).isZero();

        subscriber.request(1);
        subscriber.awaitItems(1);
        assertThat(emulator.requestCount()).isEqualTo(1);
        subscriber.request(99);
        subscriber.awaitItems(100);
        Thread.sleep(100);
        assertThat(emulator.requestCount()).isEqualTo(1);

        subscriber.request(1);
        subscriber.awaitItems(101);
        assertThat(emulator.requestCount()).isEqualTo(2);
        subscriber.subscription.cancel();
    }

    @Test
    void cancelAbandonsTheRequestInFlightAndNothingMoreIsSignalled() throws InterruptedException {
        emulator.faults().next(Fault.NONE, new Fault.Stall(Duration.ofSeconds(5)));
        Subscribed<AsyncInvokeSummary> subscriber = Subscribed.none(reactive.items(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build()));
        subscriber.request(15);
        subscriber.awaitItems(10);
        awaitRequests(2);
        long started = System.nanoTime();
        subscriber.subscription.cancel();
        Thread.sleep(300);

        assertThat(subscriber.items).hasSize(10);
        assertThat(subscriber.ended).isNotDone();
        assertThat(emulator.requestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    private static void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (emulator.requestCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(emulator.requestCount()).isEqualTo(count);
    }

    @Test
    void requestOneFromOnNextOverThousandItemPagesDoesNotGrowTheStack() {
        List<Integer> depths = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        reactive.items(ListAsyncInvokesQuery.all(), PaginationConfig.none()).subscribe(
                new Subscriber<AsyncInvokeSummary>() {
                    private Subscription subscription;
                    private int count;

                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription = s;
                        s.request(1);
                    }

                    @Override
                    public void onNext(AsyncInvokeSummary item) {
                        count++;
                        depths.add(Thread.currentThread().getStackTrace().length);
                        if (count % 500 == 0) {
                            threads.add(Thread.currentThread().getName());
                        }
                        subscription.request(1);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        done.complete(count);
                    }
                });

        assertThat(done).succeedsWithin(WAIT).isEqualTo(2600);
        assertThat(Collections.max(depths) - Collections.min(depths)).isLessThan(40);
        // Signals never come on the HTTP client's event loop, which the SDK keeps for I/O.
        assertThat(threads).noneMatch(name -> name.contains("EventLoop"));
        assertThat(emulator.requestCount()).isEqualTo(3);
    }

    @Test
    void noSignalOverlapsOnSubscribeEvenWhenItAsksForItemsAndTakesItsTime() {
        // A warm client, so that the first page comes well within the 300 ms onSubscribe takes.
        reactive.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(1).build()).join();
        java.util.concurrent.atomic.AtomicBoolean inOnSubscribe = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        reactive.items(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(10).maxItems(30).build())
                .subscribe(new Subscriber<AsyncInvokeSummary>() {
                    private int count;

                    @Override
                    public void onSubscribe(Subscription s) {
                        inOnSubscribe.set(true);
                        s.request(Long.MAX_VALUE);
                        try {
                            Thread.sleep(300); // the first page arrives meanwhile, on another thread
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inOnSubscribe.set(false);
                    }

                    @Override
                    public void onNext(AsyncInvokeSummary item) {
                        overlapped.compareAndSet(false, inOnSubscribe.get());
                        count++;
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        overlapped.compareAndSet(false, inOnSubscribe.get());
                        done.complete(count);
                    }
                });

        assertThat(done).succeedsWithin(WAIT).isEqualTo(30);
        assertThat(overlapped).isFalse();
    }

    @Test
    void anAttemptThatTimesOutIsRetriedAndTheListingIsTheBlockingListers() {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(200).maxItems(700).build();
        ListResult expected = blocking.list(ListAsyncInvokesQuery.all(), pagination);
        try (BedrockRuntimeAsyncClient retrying = emulator.asyncClientBuilder().overrideConfiguration(o -> o
                .apiCallAttemptTimeout(Duration.ofMillis(300))).build()) {
            emulator.faults().next(Fault.NONE, new Fault.Stall(Duration.ofSeconds(1)), Fault.NONE,
                    new Fault.Stall(Duration.ofSeconds(1)));

            ListResult result = ReactiveAsyncInvokeLister.create(retrying).list(ListAsyncInvokesQuery.all(),
                    pagination).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();

            assertThat(result).isEqualTo(expected);
        }
    }

    @Test
    void cancellingTheListFutureStopsTheListing() throws InterruptedException {
        emulator.faults().next(new Fault.Stall(Duration.ofSeconds(5)));
        CompletableFuture<ListResult> result = reactive.list(ListAsyncInvokesQuery.all(), PaginationConfig.none());
        awaitRequests(1);
        result.cancel(true);
        Thread.sleep(200);
        assertThat(emulator.requestCount()).isEqualTo(1);
        assertThat(result).isCancelled();
    }

    @Test
    void aThousandConcurrentSubscriptionsEachGetTheirOwnListing() {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(500).maxItems(1200).build();
        List<CompletableFuture<ListResult>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(reactive.list(ListAsyncInvokesQuery.all(), pagination));
        }
        ListResult expected = blocking.list(ListAsyncInvokesQuery.all(), pagination);
        for (CompletableFuture<ListResult> result : results) {
            assertThat(result.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join()).isEqualTo(expected);
        }
        assertThat(emulator.requestCount()).isEqualTo(41 * 3);
    }

    /** A subscriber that records what it is sent and asks for what the test says. */
    private static final class Subscribed<T> implements Subscriber<T> {
        final List<T> items = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final long initial;
        volatile Subscription subscription;

        private Subscribed(long initial) {
            this.initial = initial;
        }

        static <T> Subscribed<T> none(Publisher<T> publisher) {
            Subscribed<T> subscriber = new Subscribed<>(0);
            publisher.subscribe(subscriber);
            return subscriber;
        }

        static <T> Subscribed<T> all(Publisher<T> publisher) {
            Subscribed<T> subscriber = new Subscribed<>(Long.MAX_VALUE);
            publisher.subscribe(subscriber);
            subscriber.awaitEnd();
            return subscriber;
        }

        void request(long n) {
            subscription.request(n);
        }

        void awaitItems(int count) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (items.size() < count && System.nanoTime() < deadline && !ended.isDone()) {
                Thread.sleep(2);
            }
            assertThat(items).hasSize(count);
        }

        /** Waits for the end; returns the error, or {@code null} on completion. */
        Throwable awaitEnd() {
            try {
                ended.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            }
        }

        Throwable error() {
            return awaitEnd();
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (initial > 0) {
                s.request(initial);
            }
        }

        @Override
        public void onNext(T item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            ended.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
