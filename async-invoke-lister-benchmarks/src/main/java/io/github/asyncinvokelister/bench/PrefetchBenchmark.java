package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Read-ahead: the wall time of one whole listing when the server takes {@link #SERVER_LATENCY} to answer each
 * page and the consumer spends {@link #WORK_PER_PAGE} on each page, without prefetch ({@code depth} 0) and with
 * {@code withPrefetch(depth)} for depth 1 to 4. Each operation is one listing of {@code pages} pages of
 * {@code pageSize} items ({@link Mode#SingleShotTime}).
 *
 * <p>The consumer's work comes in two kinds, the {@code work} parameter:
 * <ul>
 *   <li>{@code spin}: a busy-spin on every item, 20 ms of CPU a page spread evenly over its items. A
 *       CPU-bound consumer: on a 2-core machine it competes for the CPU with the prefetch thread (which parses
 *       the next response) and with the emulator (which writes it).</li>
 *   <li>{@code sleep}: {@code Thread.sleep(20)} after each page's last item, a consumer that waits on I/O (say,
 *       a batch write per page) and leaves the CPU to the fetch.</li>
 *   <li>{@code none}: no work, so an operation takes {@code pages} fetches and nothing else: the time one fetch
 *       takes (latency plus the time to send, parse and map a page), which bounds what prefetch can gain.</li>
 * </ul>
 * Pages depend on each other (a request needs the previous response's token), so one request is in flight at a
 * time whatever the depth: with prefetch a page costs about max(fetch, work) instead of fetch + work, where fetch
 * is the latency plus the time to send, parse and map a page: the bigger the page, the more of a fetch is not
 * latency, and the less of it prefetch can hide behind the work.
 *
 * <p>The emulator runs where the JMH host put it (system property {@value #ENDPOINT_PROPERTY}: an emulator with
 * {@code pages * 1000} items and the latency above); without it the fork starts its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PrefetchBenchmark {
    /** How long the emulator takes to answer each request, building the page included. */
    public static final Duration SERVER_LATENCY = Duration.ofMillis(20);
    /** The consumer's work on each page. */
    public static final Duration WORK_PER_PAGE = Duration.ofMillis(20);
    /** The system property that names an emulator with {@code pages * pageSize} items and the latency. */
    public static final String ENDPOINT_PROPERTY = "bench.prefetch.endpoint";

    private static final int WARM_UP_ITEMS = 20_000;
    private static final int WARM_UP_LISTINGS = 5;

    private static final ListAsyncInvokesQuery ALL = ListAsyncInvokesQuery.all();

    /** Pages fetched ahead: 0 is the lister without prefetch. */
    @Param({"0", "1", "2", "3", "4"})
    public int depth;

    /** The consumer's kind of work: {@code spin}, {@code sleep} or {@code none}. */
    @Param({"spin", "sleep", "none"})
    public String work;

    /** Pages in the listing. */
    @Param({"50"})
    public int pages;

    /** Items a page: the {@code pageSize} of every request. */
    @Param({"1000"})
    public int pageSize;

    private BedrockRuntimeEmulator ownEmulator;
    private BedrockRuntimeClient client;
    private AsyncInvokeLister lister;
    private boolean spin;
    private boolean sleep;
    private PaginationConfig paging;
    private long spinNanosPerItem;

    /** Connects to the host's emulator, or starts one. */
    @Setup(Level.Trial)
    public void connect() {
        if (!List.of("spin", "sleep", "none").contains(work)) {
            throw new IllegalArgumentException("work must be spin, sleep or none: " + work);
        }
        spin = work.equals("spin");
        sleep = work.equals("sleep");
        paging = PaginationConfig.builder().pageSize(pageSize).build();
        spinNanosPerItem = WORK_PER_PAGE.toNanos() / pageSize;
        URI endpoint = BenchSupport.endpoint(ENDPOINT_PROPERTY).orElseGet(() -> {
            ownEmulator = BedrockRuntimeEmulator.builder().generated(pages * pageSize, BenchSupport.SEED)
                    .latency(SERVER_LATENCY).start();
            return ownEmulator.endpoint();
        });
        client = BenchSupport.client(endpoint);
        lister = withDepth(AsyncInvokeLister.create(client));
        warmUp();
    }

    /**
     * Compiles the client's hot paths before the first timed listing. A warm-up listing against the slow emulator
     * would take 40 ms a page; this one lists {@value #WARM_UP_ITEMS} items {@value #WARM_UP_LISTINGS} times from
     * an emulator without latency in this fork, through the same code (same depth, same consumer, minus the
     * consumer's pauses).
     */
    private void warmUp() {
        try (BedrockRuntimeEmulator fast = BedrockRuntimeEmulator.builder()
                .generated(WARM_UP_ITEMS, BenchSupport.SEED).start();
             BedrockRuntimeClient fastClient = BenchSupport.client(fast.endpoint())) {
            AsyncInvokeLister warmLister = withDepth(AsyncInvokeLister.create(fastClient));
            for (int i = 0; i < WARM_UP_LISTINGS; i++) {
                long count;
                try (Stream<AsyncInvokeSummary> items = warmLister.stream(ALL, paging)) {
                    count = items.filter(summary -> !summary.invocationArn().isEmpty()).count();
                }
                BenchSupport.expect(WARM_UP_ITEMS, count, "the warm-up");
            }
        }
    }

    private AsyncInvokeLister withDepth(AsyncInvokeLister plain) {
        return depth == 0 ? plain : plain.withPrefetch(depth);
    }

    /** Closes the client and any emulator of this fork. */
    @TearDown(Level.Trial)
    public void disconnect() {
        client.close();
        if (ownEmulator != null) {
            ownEmulator.close();
        }
    }

    /**
     * Lists every item, working on each.
     *
     * @param blackhole consumes each item
     * @return the item count
     * @throws InterruptedException if the sleeping consumer is interrupted
     */
    @Benchmark
    public long listing(Blackhole blackhole) throws InterruptedException {
        long count = 0;
        try (Stream<AsyncInvokeSummary> items = lister.stream(ALL, paging)) {
            // An iterator rather than forEach, so the sleeping consumer can throw InterruptedException.
            for (var it = items.iterator(); it.hasNext(); ) {
                blackhole.consume(it.next());
                count++;
                if (spin) {
                    spin(spinNanosPerItem);
                } else if (sleep && count % pageSize == 0) {
                    Thread.sleep(WORK_PER_PAGE.toMillis());
                }
            }
        }
        BenchSupport.expect((long) pages * pageSize, count, "the lister with prefetch depth " + depth);
        return count;
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
