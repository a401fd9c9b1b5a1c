package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;

/**
 * The client's own cost per item, for profiling: lists {@link ThroughputBenchmark}'s 100,000 items with the SDK
 * paginator and with the lister, alternately, and prints the medians of the listing thread's CPU time and
 * allocated bytes per item (the first third of the listings is warm-up). Unlike wall time, neither counts the
 * emulator, which runs in this JVM on threads of its own; run it with a profiler attached to see where the
 * difference goes.
 *
 * <pre>{@code
 * java -cp async-invoke-lister-benchmarks/target/benchmarks.jar io.github.asyncinvokelister.bench.ClientCost --data generated --listings 30
 * }</pre>
 */
public final class ClientCost {
    private ClientCost() {
    }

    /**
     * Runs it.
     *
     * @param args {@code --data generated|s3only} (generated) and {@code --listings N} (30 each way)
     */
    public static void main(String[] args) {
        String data = "generated";
        int listings = 30;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = args[i + 1];
                case "--listings" -> listings = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        List<double[]> raw = new ArrayList<>();
        List<double[]> lister = new ArrayList<>();
        try (BedrockRuntimeEmulator emulator = ThroughputBenchmark.emulator(data);
             BedrockRuntimeClient client = BenchSupport.client(emulator.endpoint())) {
            AsyncInvokeLister listing = AsyncInvokeLister.create(client);
            ListAsyncInvokesRequest request = ListAsyncInvokesRequest.builder()
                    .maxResults(ThroughputBenchmark.PAGE_SIZE).build();
            PaginationConfig pages = PaginationConfig.builder().pageSize(ThroughputBenchmark.PAGE_SIZE).build();
            for (int i = 0; i < listings; i++) {
                for (boolean viaLister : new boolean[] {false, true}) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long bytes = threads.getThreadAllocatedBytes(thread);
                    long count = 0;
                    if (viaLister) {
                        try (Stream<AsyncInvokeSummary> items = listing.stream(ListAsyncInvokesQuery.all(), pages)) {
                            count = items.filter(summary -> !summary.invocationArn().isEmpty()).count();
                        }
                    } else {
                        for (var summary : client.listAsyncInvokesPaginator(request).asyncInvokeSummaries()) {
                            count += summary.invocationArn().isEmpty() ? 0 : 1;
                        }
                    }
                    BenchSupport.expect(ThroughputBenchmark.ITEMS, count, viaLister ? "the lister" : "the paginator");
                    double[] cost = {
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / count,
                        (double) (threads.getThreadAllocatedBytes(thread) - bytes) / count};
                    if (i >= listings / 3) {
                        (viaLister ? lister : raw).add(cost);
                    }
                }
            }
        }
        System.out.printf("%s data, medians of %d listings each: SDK paginator %.2f µs CPU and %.0f bytes an item;"
                + " lister %.2f µs CPU and %.0f bytes an item%n", data, raw.size(), median(raw, 0), median(raw, 1),
                median(lister, 0), median(lister, 1));
    }

    private static double median(List<double[]> costs, int index) {
        double[] values = costs.stream().mapToDouble(cost -> cost[index]).toArray();
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
