package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.bench.ThroughputBenchmark;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;

/**
 * What one 1000-item page costs the lister on top of the SDK call, piece by piece, in CPU time of the calling
 * thread (the emulator runs on threads of its own in this JVM): the SDK call alone; the same call with the
 * request-level plugin that copies the body ({@link ResponseBodyCapture}); reading from that copy the names of the
 * union members the SDK could not name ({@link UnknownMembers}), once by the full pass and once as the lister reads
 * them (by the shortcut), each right after the call, as a listing runs it; and the lister's whole
 * fetch of the page ({@link SdkPageSource#fetch}: the call, the copy, the scan when a summary's union member is
 * unknown, and the mapping to records). The same page every time, the 6th of the throughput benchmark's data;
 * the pieces alternate, and each figure is the median over the iterations after the first third.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.github.asyncinvokelister.internal.PageCost --data generated --pages 600
 * }</pre>
 */
public final class PageCost {
    private static final int PAGE_SIZE = 1000;

    private PageCost() {
    }

    /**
     * Runs it.
     *
     * @param args {@code --data generated|s3only} (generated) and {@code --pages N} (600 of each kind)
     */
    public static void main(String[] args) {
        String data = "generated";
        int pages = 600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = args[i + 1];
                case "--pages" -> pages = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        try (BedrockRuntimeEmulator emulator = ThroughputBenchmark.emulator(data);
             BedrockRuntimeClient client = emulator.client()) {
            String token = null;
            for (int i = 0; i < 5; i++) {
                token = client.listAsyncInvokes(request(token)).nextToken();
            }
            ListAsyncInvokesRequest plain = request(token);
            ResponseBodyCapture capture = new ResponseBodyCapture();
            ListAsyncInvokesRequest captured = plain.toBuilder()
                    .overrideConfiguration(o -> o.addPlugin(capture)).build();
            SdkPageSource source = new SdkPageSource(client, ListAsyncInvokesQuery.all(), PagingToken.START);
            String pageToken = token;
            Map<String, List<Long>> cpu = new LinkedHashMap<>();
            for (int i = 0; i < pages; i++) {
                boolean measured = i >= pages / 3;
                record(cpu, "SDK call", measured, threads::getCurrentThreadCpuTime,
                        () -> client.listAsyncInvokes(plain).asyncInvokeSummaries().size());
                List<AsyncInvokeSummary> copied = new ArrayList<>();
                record(cpu, "SDK call with the body copied", measured, threads::getCurrentThreadCpuTime, () -> {
                    copied.addAll(client.listAsyncInvokes(captured).asyncInvokeSummaries());
                    return copied.size();
                });
                // false forces the full pass; true lets the shortcut run, as the lister does.
                record(cpu, "member names, full pass", measured, threads::getCurrentThreadCpuTime,
                        () -> summariesLookedAt(capture, copied, false));
                record(cpu, "member names, shortcut", measured, threads::getCurrentThreadCpuTime,
                        () -> summariesLookedAt(capture, copied, true));
                record(cpu, "lister's fetch of the page", measured, threads::getCurrentThreadCpuTime,
                        () -> source.fetch(pageToken, PAGE_SIZE).items().size());
            }
            long unknown = unknownNames(capture, client.listAsyncInvokes(captured).asyncInvokeSummaries(), true)
                    .stream().filter(name -> !name.isEmpty()).count();
            System.out.printf("%s data, one page of %d items with %d unknown union members; medians of %d pages:%n",
                    data, PAGE_SIZE, unknown, pages - pages / 3);
            cpu.forEach((what, nanos) -> System.out.printf("  %-36s %8.1f µs CPU%n", what, median(nanos) / 1e3));
        }
    }

    /** Reads the names {@link #unknownNames} reads, and says how many summaries that was. */
    private static int summariesLookedAt(ResponseBodyCapture capture, List<AsyncInvokeSummary> items,
            boolean shortcut) {
        List<String> unknown = unknownNames(capture, items, shortcut);
        return unknown.size() <= items.size() ? items.size() : -1;
    }

    /** The names of the union members the SDK could not name, read the way the lister reads them. */
    private static List<String> unknownNames(ResponseBodyCapture capture, List<AsyncInvokeSummary> items,
            boolean shortcut) {
        IntFunction<String> names = capture.unknownMemberNames(items.size(),
                shortcut && items.stream().allMatch(item -> item.outputDataConfig() != null));
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AsyncInvokeOutputDataConfig output = items.get(i).outputDataConfig();
            if (output == null || output.type() != AsyncInvokeOutputDataConfig.Type.S3_OUTPUT_DATA_CONFIG) {
                unknown.add(names.apply(i));
            }
        }
        return unknown;
    }

    private static ListAsyncInvokesRequest request(String token) {
        return ListAsyncInvokesRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build();
    }

    private static void record(Map<String, List<Long>> cpu, String what, boolean measured, LongSupplier clock,
            LongSupplier work) {
        long start = clock.getAsLong();
        long items = work.getAsLong();
        long nanos = clock.getAsLong() - start;
        if (items != PAGE_SIZE) {
            throw new IllegalStateException(what + " gave " + items + " items, expected " + PAGE_SIZE);
        }
        if (measured) {
            cpu.computeIfAbsent(what, key -> new ArrayList<>()).add(nanos);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
