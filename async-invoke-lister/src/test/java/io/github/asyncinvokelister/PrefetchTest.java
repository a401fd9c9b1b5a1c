package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;

/** Read-ahead changes when pages are fetched, and nothing else. Its speed is measured in BENCHMARKS.md. */
class PrefetchTest {
    private static BedrockRuntimeEmulator emulator;
    private static BedrockRuntimeClient noRetries;
    private static AsyncInvokeLister lister;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(95, 8).start();
        noRetries = emulator.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        lister = AsyncInvokeLister.create(noRetries);
    }

    @AfterAll
    static void stop() {
        noRetries.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    private static List<String> requestLine() {
        return emulator.requests().stream()
                .map(r -> r.nextToken().orElse("-") + ":" + r.maxResults().orElse(0))
                .collect(Collectors.toList());
    }

    private static List<SummaryPage> pages(AsyncInvokeLister from, PaginationConfig pagination) {
        try (Stream<SummaryPage> pages = from.pages(ListAsyncInvokesQuery.all(), pagination)) {
            return pages.collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void sameRequestsItemsAndTokensAsWithout(int depth) {
        PaginationConfig pagination = PaginationConfig.builder().pageSize(10).maxItems(87).build();
        List<SummaryPage> plain = pages(lister, pagination);
        List<String> plainRequests = requestLine();
        emulator.clearRequests();
        List<SummaryPage> ahead = pages(lister.withPrefetch(depth), pagination);
        assertThat(ahead).isEqualTo(plain);
        assertThat(requestLine()).isEqualTo(plainRequests);
        assertThat(lister.withPrefetch(depth).list(ListAsyncInvokesQuery.all(), pagination))
                .isEqualTo(lister.list(ListAsyncInvokesQuery.all(), pagination));
    }

    @Test
    void fetchesAheadUpToDepthWhileTheConsumerWorks() throws InterruptedException {
        try (ListingCursor cursor = lister.withPrefetch(2).cursor(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build())) {
            cursor.next(); // takes page 1; pages 2 and 3 are fetched behind the consumer's back
            awaitRequests(3);
            Thread.sleep(200);
            assertThat(emulator.requests()).as("no further than depth 2").hasSize(3);
            for (int i = 1; i < 10; i++) {
                cursor.next();
            }
            cursor.next(); // takes page 2: room for page 4
            awaitRequests(4);
        }
    }

    @Test
    void oneTaskFillsTheBufferRatherThanOneTaskAPage() throws InterruptedException {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        Executor counting = task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        };
        try (ListingCursor cursor = lister.withPrefetch(3, counting).cursor(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build())) {
            cursor.next(); // takes page 1, which leaves room for pages 2, 3 and 4
            awaitRequests(4);
            Thread.sleep(200);
            assertThat(emulator.requests()).as("no further than depth 3").hasSize(4);
            // The first task fetches until the buffer is full: pages 1 to 4, or 1 to 3 if it filled the buffer
            // before the consumer took page 1, and then a second task fetches page 4. A task a page would be 4.
            assertThat(tasks.get()).as("tasks submitted").isBetween(1, 2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void failureSurfacesAtTheItemWhereItWouldWithout() {
        emulator.faults().next(Fault.NONE, Fault.NONE, Fault.ACCESS_DENIED);
        List<AsyncInvokeSummary> delivered = new ArrayList<>();
        PaginationConfig pagination = PaginationConfig.builder().pageSize(10).build();
        assertThatThrownBy(() -> {
            try (Stream<AsyncInvokeSummary> items = lister.withPrefetch(3).stream(ListAsyncInvokesQuery.all(),
                    pagination)) {
                items.forEach(delivered::add);
            }
        }).isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e).hasCauseInstanceOf(AccessDeniedException.class);
            assertThat(emulator.requests()).as("nothing fetched past the failure").hasSize(3);
            List<AsyncInvokeSummary> all = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.none()).items();
            assertThat(delivered).isEqualTo(all.subList(0, 20));
            assertThat(lister.list(ListAsyncInvokesQuery.all(), pagination.withStartingToken(
                    e.resumeToken().orElseThrow())).items()).isEqualTo(all.subList(20, all.size()));
        });
    }

    @Test
    void closingAbandonsTheRequestInFlightWithoutWaitingForIt() {
        emulator.faults().next(Fault.NONE, Fault.stall(Duration.ofSeconds(2)));
        Stream<AsyncInvokeSummary> items = lister.withPrefetch(1).stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build());
        Iterator<AsyncInvokeSummary> iterator = items.iterator();
        iterator.next();
        awaitRequests(2);
        long started = System.nanoTime();
        items.close();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(emulator.requests()).hasSize(2);
    }

    @Test
    void runsOnTheCallersExecutorAndFailsCleanlyWhenItIsShutDown() throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        AsyncInvokeLister ahead = lister.withPrefetch(1, executor);
        assertThat(ahead.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(50).build()).items())
                .hasSize(95);
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> ahead.list(ListAsyncInvokesQuery.all(), PaginationConfig.none()))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void depthOutsideOneToFourIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> lister.withPrefetch(0))
                .withMessage("prefetch depth must be between 1 and 4: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> lister.withPrefetch(5));
        assertThatNullPointerException().isThrownBy(() -> lister.withPrefetch(1, null)).withMessage("executor");
    }

    private static void awaitRequests(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.requests().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(emulator.requests()).hasSizeGreaterThanOrEqualTo(count);
    }
}
