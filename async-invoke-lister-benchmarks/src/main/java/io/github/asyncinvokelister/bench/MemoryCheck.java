package io.github.asyncinvokelister.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Streams a large generated listing in this JVM, emulator included, and reports the heap it needed. {@link
 * Benchmarks} runs it in a child JVM with {@code -Xmx64m}; run by hand:
 *
 * <pre>{@code
 * java -Xmx64m -cp async-invoke-lister-benchmarks/target/benchmarks.jar io.github.asyncinvokelister.bench.MemoryCheck --items 1000000 --mode lister
 * }</pre>
 *
 * <p>Peak heap used is exact, not sampled: between collections used heap only grows, so its peaks are the
 * usage just before each collection (from the collector's notifications), and, for the stretch after the last
 * collection, the usage at the end. The most heap in use after a collection bounds what the listing keeps alive.
 * It prints {@code key=value} lines that {@link Benchmarks} reads.
 */
public final class MemoryCheck {
    private static final int PAGE_SIZE = 1000;

    private MemoryCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args {@code --items N} (1000000) and {@code --mode lister|raw} (lister)
     */
    public static void main(String[] args) {
        int items = 1_000_000;
        String mode = "lister";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--items" -> items = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (!mode.equals("lister") && !mode.equals("raw")) {
            throw new IllegalArgumentException("mode must be lister or raw: " + mode);
        }
        HeapWatch watch = HeapWatch.start();
        long startNanos = System.nanoTime();
        long count;
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(items, BenchSupport.SEED)
                .start();
             BedrockRuntimeClient client = BenchSupport.client(emulator.endpoint())) {
            count = mode.equals("lister") ? viaLister(client) : viaSdk(client);
            BenchSupport.expect(items, count, mode);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        watch.finish();
        System.out.println("mode=" + mode);
        System.out.println("items=" + count);
        System.out.println("seconds=" + String.format("%.1f", seconds));
        System.out.println("maxHeapMiB=" + mib(Runtime.getRuntime().maxMemory()));
        System.out.println("peakUsedMiB=" + mib(watch.peakUsed.get()));
        System.out.println("peakAfterGcMiB=" + mib(watch.peakAfterGc.get()));
        System.out.println("collections=" + watch.collections());
        System.out.println("collectors=" + watch.collectorNames());
    }

    private static long viaLister(BedrockRuntimeClient client) {
        AsyncInvokeLister lister = AsyncInvokeLister.create(client);
        long[] count = {0};
        try (Stream<AsyncInvokeSummary> stream = lister.stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(PAGE_SIZE).build())) {
            stream.forEach(summary -> count[0] += summary.invocationArn().length() > 0 ? 1 : 0);
        }
        return count[0];
    }

    private static long viaSdk(BedrockRuntimeClient client) {
        long count = 0;
        for (var summary : client.listAsyncInvokesPaginator(r -> r.maxResults(PAGE_SIZE)).asyncInvokeSummaries()) {
            count += summary.invocationArn().isEmpty() ? 0 : 1;
        }
        return count;
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }

    /** Heap peaks from the collectors' notifications. */
    private static final class HeapWatch {
        private final Set<String> heapPools;
        private final List<GarbageCollectorMXBean> collectors;
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();

        private HeapWatch() {
            heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            collectors = new ArrayList<>(ManagementFactory.getGarbageCollectorMXBeans());
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean collector : watch.collectors) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(
                            GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        GcInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData()).getGcInfo();
                        watch.peakUsed.accumulateAndGet(watch.heap(info.getMemoryUsageBeforeGc()), Math::max);
                        watch.peakAfterGc.accumulateAndGet(watch.heap(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
            return watch;
        }

        void finish() {
            try {
                // Notifications come on a JDK thread of their own: let the last ones land.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long collections() {
            return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        String collectorNames() {
            return collectors.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        }

        private long heap(Map<String, MemoryUsage> usage) {
            return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }
    }
}
