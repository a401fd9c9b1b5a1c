package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

/**
 * A listing thread interrupted, a lister closed under a listing, read-ahead on executors that run tasks on the
 * caller's thread: the listing ends with its typed exception and a token that loses nothing, never hangs, and leaves
 * the interrupt for the caller's code to see.
 */
class InterruptsAndClosingTest {
    private static final int COUNT = 50;
    private static final Duration LATENCY = Duration.ofMillis(150);
    private static BedrockRuntimeEmulator slow;
    /** Holds the saturated pools' threads until the class is done. */
    private static final CountDownLatch SATURATED = new CountDownLatch(1);
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void startEmulator() {
        slow = BedrockRuntimeEmulator.builder().generated(COUNT, 21).latency(LATENCY).start();
        newestFirst = Listings.newestFirst(slow);
    }

    @AfterAll
    static void stopEmulator() {
        SATURATED.countDown();
        slow.close();
    }

    /** What a listing thread saw: the items it took, what ended it, and its interrupt flag afterwards. */
    private record Run(List<AsyncInvokeSummary> items, Throwable failure, boolean interrupted) {
    }

    /** Lists on a thread of its own, 5 items a page, and interrupts it once it has taken {@code before} items. */
    private static Run listAndInterrupt(AsyncInvokeLister lister, int before) throws InterruptedException {
        List<AsyncInvokeSummary> items = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch reached = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try (Stream<AsyncInvokeSummary> stream = lister.stream(ListAsyncInvokesQuery.all(),
                    PaginationConfig.builder().pageSize(5).build())) {
                stream.forEach(item -> {
                    items.add(item);
                    if (items.size() == before) {
                        reached.countDown();
                    }
                });
            } catch (RuntimeException e) {
                failure.set(e);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(thread.isAlive()).as("the listing thread ended").isFalse();
        return new Run(items, failure.get(), interrupted.get());
    }

    static Stream<Arguments> listers() {
        return Stream.of(Arguments.of("no read-ahead", 0), Arguments.of("read-ahead depth 1", 1),
                Arguments.of("read-ahead depth 3", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listers")
    void anInterruptEndsTheListingWithItsTokenAndKeepsTheFlag(String name, int depth) throws InterruptedException {
        AsyncInvokeLister plain = AsyncInvokeLister.create(slow.client());
        AsyncInvokeLister lister = depth == 0 ? plain : plain.withPrefetch(depth);

        long started = System.nanoTime();
        Run run = listAndInterrupt(lister, 12);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the 10 pages' 1.5 s")
                .isLessThan(LATENCY.multipliedBy(9));
        assertThat(run.interrupted()).as("interrupt flag").isTrue();
        assertThat(run.failure()).isInstanceOf(RequestFailedException.class);
        String token = ((RequestFailedException) run.failure()).resumeToken().orElseThrow();
        List<AsyncInvokeSummary> rest = plain.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(5).startingToken(token).build()).items();
        List<AsyncInvokeSummary> all = new ArrayList<>(run.items());
        all.addAll(rest);
        assertThat(all).as("nothing lost, nothing repeated").isEqualTo(newestFirst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callerRunsExecutors")
    void readAheadOnAnExecutorThatRunsOnTheCallersThreadLists(String name, Executor executor) {
        AsyncInvokeLister lister = AsyncInvokeLister.create(slow.client()).withPrefetch(2, executor);

        List<AsyncInvokeSummary> items = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(10).build()).items());

        assertThat(items).isEqualTo(newestFirst);
    }

    static Stream<Arguments> callerRunsExecutors() {
        ThreadPoolExecutor saturated = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy());
        // Its thread ends a second after the latch lets it go.
        saturated.allowCoreThreadTimeOut(true);
        // Hold the pool's only thread and fill its queue: every task then runs on the caller's thread.
        saturated.execute(() -> awaitQuietly(SATURATED));
        saturated.execute(() -> awaitQuietly(SATURATED));
        // Passed as a plain Executor: on Java 19 and later an ExecutorService is AutoCloseable, and JUnit would close
        // the argument after the test, waiting for ever on the tasks that hold the pool.
        Executor callerRuns = saturated::execute;
        return Stream.of(Arguments.of("Runnable::run", (Executor) Runnable::run),
                Arguments.of("a saturated pool's CallerRunsPolicy", callerRuns));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anInterruptOnACallerRunsExecutorStillEndsTheListing() throws InterruptedException {
        AsyncInvokeLister lister = AsyncInvokeLister.create(slow.client()).withPrefetch(2, Runnable::run);

        Run run = listAndInterrupt(lister, 12);

        assertThat(run.interrupted()).isTrue();
        assertThat(run.failure()).isInstanceOf(RequestFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void closingAListerThatOwnsItsClientFailsTheListingWithATokenThatResumesElsewhere(int depth)
            throws Exception {
        AsyncInvokeLister owner = AsyncInvokeLister.builder().endpointOverride(slow.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(() -> software.amazon.awssdk.auth.credentials
                        .AwsBasicCredentials.create("AKIDTEST", "secret")).build();
        AsyncInvokeLister lister = depth == 0 ? owner : owner.withPrefetch(depth);
        List<AsyncInvokeSummary> items = new ArrayList<>();
        CountDownLatch reached = new CountDownLatch(1);
        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            try (Stream<AsyncInvokeSummary> stream = lister.stream(ListAsyncInvokesQuery.all(),
                    PaginationConfig.builder().pageSize(5).build())) {
                stream.forEach(item -> {
                    items.add(item);
                    if (items.size() == 7) {
                        reached.countDown();
                    }
                });
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
        owner.close();
        Throwable failure = ended.get(30, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(RequestFailedException.class);
        String token = ((RequestFailedException) failure).resumeToken().orElseThrow();
        List<AsyncInvokeSummary> all = new ArrayList<>(items);
        all.addAll(AsyncInvokeLister.create(slow.client()).list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(5).startingToken(token).build()).items());
        assertThat(all).isEqualTo(newestFirst);
        assertThatThrownBy(() -> lister.stream(ListAsyncInvokesQuery.all())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingADerivedListerLeavesTheOneItCameFromOpen() {
        AsyncInvokeLister lister = AsyncInvokeLister.create(slow.client());
        lister.withPrefetch(1).close();
        lister.withEmptyPageLimit(3).close();

        assertThat(lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(3).build()).items())
                .isEqualTo(newestFirst.subList(0, 3));
    }
}
