package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.ReactiveAsyncInvokeLister;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The non-blocking lister's two figures, against an emulator in this JVM, on the SDK's Netty client:
 *
 * <pre>{@code
 * java -cp async-invoke-lister-benchmarks/target/benchmarks.jar io.github.asyncinvokelister.bench.ReactiveBenchmarks
 * java -cp ... ReactiveBenchmarks throughput     # or: concurrency
 * }</pre>
 *
 * <ul>
 *   <li>{@code throughput}: items/s of {@link ReactiveAsyncInvokeLister#items} against the SDK's own async paginator
 *       ({@code listAsyncInvokesPaginator(...).asyncInvokeSummaries()}), both consumed with
 *       {@code subscribe(Consumer)} (which asks for one item at a time), 100,000 items in 1000-item pages, the same
 *       client; 3 warm-up rounds each, then 8 measured rounds, the two alternating; the median of each and the
 *       ratio of the medians.</li>
 *   <li>{@code concurrency}: 16 listings of 20 pages each at 20 ms of emulator latency a response, all at once, on a
 *       Netty client with 2 event-loop threads: the wall time of the 16 against one alone; and the same 16 as blocking
 *       listings on a pool of 2 threads. Pages of 100 and of 1000 items; the median of 5 rounds.</li>
 * </ul>
 */
public final class ReactiveBenchmarks {
    private static final int THROUGHPUT_ITEMS = 100_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 8;
    private static final int LISTINGS = 16;
    private static final int PAGES = 20;
    private static final Duration LATENCY = Duration.ofMillis(20);

    private ReactiveBenchmarks() {
    }

    /**
     * Runs the sections named, or both.
     *
     * @param args {@code throughput}, {@code concurrency}, or nothing for both
     * @throws Exception if a listing fails
     */
    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? List.of("throughput", "concurrency") : Arrays.asList(args);
        if (sections.contains("throughput")) {
            throughput();
        }
        if (sections.contains("concurrency")) {
            concurrency(100);
            concurrency(1000);
        }
    }

    private static void throughput() throws Exception {
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder()
                .generated(THROUGHPUT_ITEMS, BenchSupport.SEED).start();
             SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().build();
             BedrockRuntimeAsyncClient client = emulator.asyncClientBuilder().httpClient(http).build()) {
            ReactiveAsyncInvokeLister lister = ReactiveAsyncInvokeLister.create(client);
            Supplier<CompletableFuture<Long>> ours = () -> {
                AtomicLong count = new AtomicLong();
                return lister.items(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(1000).build())
                        .subscribe(item -> count.incrementAndGet()).thenApply(ignored -> count.get());
            };
            Supplier<CompletableFuture<Long>> sdk = () -> {
                AtomicLong count = new AtomicLong();
                return client.listAsyncInvokesPaginator(r -> r.maxResults(1000)).asyncInvokeSummaries()
                        .subscribe(item -> count.incrementAndGet()).thenApply(ignored -> count.get());
            };
            for (int i = 0; i < WARM_UP; i++) {
                time(ours);
                time(sdk);
            }
            double[] oursRates = new double[ROUNDS];
            double[] sdkRates = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                if (i % 2 == 0) {
                    oursRates[i] = THROUGHPUT_ITEMS / time(ours);
                    sdkRates[i] = THROUGHPUT_ITEMS / time(sdk);
                } else {
                    sdkRates[i] = THROUGHPUT_ITEMS / time(sdk);
                    oursRates[i] = THROUGHPUT_ITEMS / time(ours);
                }
            }
            System.out.printf("throughput, %,d items in 1000-item pages, %d rounds:%n", THROUGHPUT_ITEMS, ROUNDS);
            System.out.printf("  SDK async paginator: median %,.0f items/s, rounds %s%n", median(sdkRates),
                    rates(sdkRates));
            System.out.printf("  items():             median %,.0f items/s, rounds %s%n", median(oursRates),
                    rates(oursRates));
            System.out.printf("  items()/paginator:   %.2f%n", median(oursRates) / median(sdkRates));
        }
    }

    /** Seconds one listing takes, checking it listed them all. */
    private static double time(Supplier<CompletableFuture<Long>> listing) throws Exception {
        long start = System.nanoTime();
        long count = listing.get().get(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count != THROUGHPUT_ITEMS) {
            throw new IllegalStateException("listed " + count + " of " + THROUGHPUT_ITEMS);
        }
        return seconds;
    }

    private static void concurrency(int pageSize) throws Exception {
        int items = PAGES * pageSize;
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(items, BenchSupport.SEED)
                .latency(LATENCY).start();
             SdkEventLoopGroupCloser loops = new SdkEventLoopGroupCloser(SdkEventLoopGroup.builder()
                     .numberOfThreads(2).build());
             SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().eventLoopGroup(loops.group)
                     .maxConcurrency(LISTINGS * 2).build();
             BedrockRuntimeAsyncClient asyncClient = emulator.asyncClientBuilder().httpClient(http).build();
             BedrockRuntimeClient syncClient = emulator.clientBuilder().build()) {
            ReactiveAsyncInvokeLister reactive = ReactiveAsyncInvokeLister.create(asyncClient);
            AsyncInvokeLister blocking = AsyncInvokeLister.create(syncClient);
            PaginationConfig pagination = PaginationConfig.builder().pageSize(pageSize).build();
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 2; i++) { // warm-up
                    reactiveListings(reactive, pagination, LISTINGS, items);
                    blockingListings(blocking, two, pagination, LISTINGS, items);
                }
                int rounds = 5;
                double[] one = new double[rounds];
                double[] sixteen = new double[rounds];
                double[] sixteenCpu = new double[rounds];
                double[] oneBlocking = new double[rounds];
                double[] sixteenBlocking = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    one[i] = reactiveListings(reactive, pagination, 1, items);
                    long cpuBefore = processCpuNanos();
                    sixteen[i] = reactiveListings(reactive, pagination, LISTINGS, items);
                    sixteenCpu[i] = (processCpuNanos() - cpuBefore) / 1e6;
                    oneBlocking[i] = blockingListings(blocking, two, pagination, 1, items);
                    sixteenBlocking[i] = blockingListings(blocking, two, pagination, LISTINGS, items);
                }
                System.out.printf("concurrency, %d listings of %d pages of %d items, %d ms latency, median of %d:%n",
                        LISTINGS, PAGES, pageSize, LATENCY.toMillis(), rounds);
                System.out.printf("  items(), 2 event-loop threads: one %.0f ms, 16 at once %.0f ms: %.2fx;"
                        + " rounds %s / %s%n", median(one), median(sixteen), median(sixteen) / median(one),
                        millis(one), millis(sixteen));
                System.out.printf("  items(), 16 at once: CPU of this JVM (client and emulator) %.0f ms, %.2f of the 2"
                        + " cores over the wall time; rounds %s%n", median(sixteenCpu),
                        median(sixteenCpu) / median(sixteen) / 2, millis(sixteenCpu));
                System.out.printf("  blocking, a pool of 2 threads:  one %.0f ms, 16 at once %.0f ms: %.2fx;"
                        + " rounds %s / %s%n", median(oneBlocking), median(sixteenBlocking),
                        median(sixteenBlocking) / median(oneBlocking), millis(oneBlocking), millis(sixteenBlocking));
            } finally {
                two.shutdownNow();
            }
        }
    }

    /** Milliseconds for {@code n} non-blocking listings started at once to all end. */
    private static double reactiveListings(ReactiveAsyncInvokeLister lister, PaginationConfig pagination, int n,
            int items) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<Long>> listings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AtomicLong count = new AtomicLong();
            listings.add(lister.items(ListAsyncInvokesQuery.all(), pagination)
                    .subscribe(item -> count.incrementAndGet()).thenApply(ignored -> count.get()));
        }
        for (CompletableFuture<Long> listing : listings) {
            check(listing.get(2, TimeUnit.MINUTES), items);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds for {@code n} blocking listings given at once to a pool of threads to all end. */
    private static double blockingListings(AsyncInvokeLister lister, ExecutorService pool,
            PaginationConfig pagination, int n, int items) throws Exception {
        long start = System.nanoTime();
        List<Future<Long>> listings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            listings.add(pool.submit(() -> {
                try (var stream = lister.stream(ListAsyncInvokesQuery.all(), pagination)) {
                    return stream.count();
                }
            }));
        }
        for (Future<Long> listing : listings) {
            check(listing.get(2, TimeUnit.MINUTES), items);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void check(long count, int items) {
        if (count != items) {
            throw new IllegalStateException("listed " + count + " of " + items);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String rates(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%,.0f", value));
        }
        return text.toString();
    }

    private static String millis(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%.0f", value));
        }
        return text.toString();
    }

    /** Closes the event loops with the rest, in try-with-resources. */
    private static final class SdkEventLoopGroupCloser implements AutoCloseable {
        final SdkEventLoopGroup group;

        SdkEventLoopGroupCloser(SdkEventLoopGroup group) {
            this.group = group;
        }

        @Override
        public void close() {
            group.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
