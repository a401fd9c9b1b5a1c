package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.net.URI;
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
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;

/**
 * The lister's item stream against the SDK's own paginator: one operation lists all {@value #ITEMS} items of
 * the same emulator, {@value #PAGE_SIZE} a page, through the same kind of client (the SDK's ApacheHttpClient
 * over loopback). Items per second are {@value #ITEMS} divided by the time per operation; bytes per item are
 * JMH's {@code gc.alloc.rate.norm} divided by {@value #ITEMS}.
 *
 * <p>The {@code data} parameter picks the invocations: {@code generated} is the emulator's
 * {@code generated(100000, 42)}, where about one item in fifty has an output-config member this library does not
 * know (so nearly every 1000-item page has one, and the lister reads those members' names from the raw body);
 * {@code s3only} is the same items with every output config an S3 one, as the service sends today.
 *
 * <p>The emulator runs where the JMH host put it (system property {@value #ENDPOINT_PROPERTY} plus {@code .}
 * and the data name, which {@link Benchmarks} sets to an emulator in the host JVM), so the measured fork
 * allocates and runs only the client side. Without the property, for a bare JMH run, the fork starts an emulator
 * of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThroughputBenchmark {
    /** Items in the emulator and in each listing. */
    public static final int ITEMS = 100_000;
    /** Items a page, for both clients. */
    public static final int PAGE_SIZE = 1000;
    /** The system property that names an emulator of {@link #ITEMS} items with seed {@link BenchSupport#SEED}. */
    public static final String ENDPOINT_PROPERTY = "bench.throughput.endpoint";

    private static final ListAsyncInvokesQuery ALL = ListAsyncInvokesQuery.all();
    private static final PaginationConfig PAGES_OF_1000 = PaginationConfig.builder().pageSize(PAGE_SIZE).build();
    private static final ListAsyncInvokesRequest RAW_REQUEST =
            ListAsyncInvokesRequest.builder().maxResults(PAGE_SIZE).build();

    /** The invocations listed: {@code generated} or {@code s3only}. */
    @Param({"generated", "s3only"})
    public String data;

    private BedrockRuntimeEmulator ownEmulator;
    private BedrockRuntimeClient client;
    private AsyncInvokeLister lister;

    /** Connects to the host's emulator, or starts one. */
    @Setup(Level.Trial)
    public void connect() {
        URI endpoint = BenchSupport.endpoint(ENDPOINT_PROPERTY + "." + data).orElseGet(() -> {
            ownEmulator = emulator(data);
            return ownEmulator.endpoint();
        });
        client = BenchSupport.client(endpoint);
        lister = AsyncInvokeLister.create(client);
    }

    /**
     * Starts an emulator of {@link #ITEMS} items.
     *
     * @param data {@code generated} or {@code s3only}
     * @return the emulator
     */
    public static BedrockRuntimeEmulator emulator(String data) {
        BedrockRuntimeEmulator.Builder builder = BedrockRuntimeEmulator.builder();
        switch (data) {
            case "generated" -> builder.generated(ITEMS, BenchSupport.SEED);
            case "s3only" -> builder.invocations(BenchSupport.s3Only(ITEMS));
            default -> throw new IllegalArgumentException("data must be generated or s3only: " + data);
        }
        return builder.start();
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
     * The SDK's paginator, as its documentation shows it: {@code listAsyncInvokesPaginator(request)
     * .asyncInvokeSummaries()} in a for-each loop.
     *
     * @param blackhole consumes each item
     * @return the item count
     */
    @Benchmark
    public long raw(Blackhole blackhole) {
        long count = 0;
        for (var summary : client.listAsyncInvokesPaginator(RAW_REQUEST).asyncInvokeSummaries()) {
            blackhole.consume(summary);
            count++;
        }
        BenchSupport.expect(ITEMS, count, "the SDK paginator");
        return count;
    }

    /**
     * The lister's item stream, as its README shows it: {@code stream(query, pagination)} in try-with-resources,
     * consumed with {@code forEach}.
     *
     * @param blackhole consumes each item
     * @return the item count
     */
    @Benchmark
    public long lister(Blackhole blackhole) {
        Counter counter = new Counter(blackhole);
        try (Stream<AsyncInvokeSummary> items = lister.stream(ALL, PAGES_OF_1000)) {
            items.forEach(counter::accept);
        }
        BenchSupport.expect(ITEMS, counter.count, "the lister");
        return counter.count;
    }

    /** Counts and sinks items: what the raw loop does inline. */
    private static final class Counter {
        private final Blackhole blackhole;
        private long count;

        Counter(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        void accept(AsyncInvokeSummary summary) {
            blackhole.consume(summary);
            count++;
        }
    }
}
