package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of BENCHMARKS.md in one go and prints the figures, the ratios side by side, and last a
 * line {@code lister/raw throughput ratio: 0.98}.
 *
 * <pre>
 * ./mvnw -q -pl async-invoke-lister-benchmarks -am package -DskipTests &amp;&amp;
 *     java -jar async-invoke-lister-benchmarks/target/benchmarks.jar --quick
 * </pre>
 *
 * <p>Options: {@code --quick} (under a minute: smaller and noisier, prefetch depth 1 and 1000-item pages only, and
 * the memory check and boto3's throughput only when {@code --only} names them),
 * {@code --only requests,memory,boto3,prefetch,throughput} (a comma-separated subset), {@code --rounds N}
 * (throughput rounds; 6 by default, 1 with --quick).
 *
 * <p>The emulators run in this JVM, the JMH host, which only waits while a fork measures; each fork gets the
 * endpoint in a system property, so what a fork measures (time and allocation) is the client side alone.
 * Throughput is measured in rounds, each a fork of the raw paginator and a fork of the lister one after the
 * other, alternating which goes first; the ratio is the geometric mean of the rounds' ratios, so drift on a busy
 * machine hits both sides of each pair alike.
 */
public final class Benchmarks {
    private static final List<String> SECTIONS = List.of("requests", "memory", "boto3", "prefetch", "throughput");
    private static final String FORK_HEAP_MIN = "-Xms1g";
    private static final String FORK_HEAP_MAX = "-Xmx1g";

    private final boolean quick;
    private final Set<String> sections;
    /** Whether --only chose the sections: quick mode then runs the slow ones it would skip. */
    private final boolean chosen;
    private final int rounds;
    private final List<String> summary = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();

    private Benchmarks(boolean quick, Set<String> sections, boolean chosen, int rounds) {
        this.quick = quick;
        this.sections = sections;
        this.chosen = chosen;
        this.rounds = rounds;
    }

    /**
     * Runs the suite.
     *
     * @param args {@code --quick}, {@code --only LIST}, {@code --rounds N}
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        Set<String> sections = new LinkedHashSet<>(SECTIONS);
        Integer rounds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    sections = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                    if (!SECTIONS.containsAll(sections)) {
                        usage("--only takes a subset of " + String.join(",", SECTIONS) + ": " + args[i]);
                    }
                }
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "-h", "--help" -> usage(null);
                default -> usage("unknown option: " + args[i]);
            }
        }
        boolean chosen = !sections.equals(new LinkedHashSet<>(SECTIONS));
        new Benchmarks(quick, sections, chosen, rounds != null ? rounds : quick ? 1 : 6).run();
    }

    private void run() throws RunnerException {
        long start = System.nanoTime();
        System.out.printf("async-invoke-lister benchmarks, %s mode: %d CPUs, Java %s (%s), %s %s%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        Optional<Boto3> boto3 = sections.contains("requests") || sections.contains("boto3")
                ? Boto3.find() : Optional.empty();
        if (sections.contains("requests")) {
            measured("requests", () -> requests(boto3));
        }
        if (sections.contains("memory")) {
            if (quick && !chosen) {
                summary.add("memory: skipped in quick mode (--only memory runs it)");
            } else {
                measured("memory", this::memory);
            }
        }
        if (sections.contains("boto3")) {
            if (quick && !chosen) {
                summary.add("boto3 throughput: skipped in quick mode (--only boto3 runs it)");
            } else {
                measured("boto3", () -> boto3(boto3));
            }
        }
        if (sections.contains("prefetch")) {
            measured("prefetch", this::prefetch);
        }
        String[] throughputLine = {null};
        if (sections.contains("throughput")) {
            measured("throughput", () -> throughputLine[0] = throughput());
        }
        summary.addAll(machine);
        System.out.printf("%n== summary (%s mode, %.0f s) ==%n", quick ? "quick" : "full",
                (System.nanoTime() - start) / 1e9);
        summary.forEach(System.out::println);
        if (throughputLine[0] != null) {
            System.out.println(throughputLine[0]);
        }
    }

    /** A section, followed by what the rest of the machine did meanwhile. */
    private void measured(String name, Section section) throws RunnerException {
        Optional<MachineLoad> load = MachineLoad.now();
        section.run();
        load.ifPresent(start -> {
            String line = "machine during " + name + ": " + start.othersSince();
            System.out.println(line);
            machine.add(line);
        });
    }

    /** A part of the suite. */
    @FunctionalInterface
    private interface Section {
        void run() throws RunnerException;
    }

    private void requests(Optional<Boto3> boto3) {
        heading("requests: MaxItems m, PageSize p, over " + RequestsTable.ITEMS + " items");
        List<RequestsTable.Row> rows = RequestsTable.run(boto3);
        List<String> table = RequestsTable.markdown(rows);
        table.forEach(System.out::println);
        summary.add("requests: lister made exactly ceil(m/p) requests and transferred no more than m items in every "
                + "case: " + (RequestsTable.listerExact(rows) ? "yes" : "NO"));
        long boto3Surplus = rows.stream().filter(r -> r.client().equals("boto3"))
                .mapToLong(r -> r.transferred() - r.config().maxItems()).sum();
        summary.add(boto3.isPresent()
                ? "requests: boto3 transferred " + boto3Surplus + " items more than MaxItems over the "
                        + RequestsTable.CASES.size() + " cases"
                : "requests: boto3 skipped");
    }

    private void memory() {
        int items = 1_000_000;
        List<String> modes = quick ? List.of("lister") : List.of("lister", "raw");
        for (String mode : modes) {
            heading("memory: " + items + " items through the " + (mode.equals("raw") ? "SDK paginator" : "lister")
                    + " in a -Xmx64m JVM, emulator in the same JVM");
            ChildProcess.Output output = ChildProcess.run(ChildProcess.java(List.of("-Xmx64m"), MemoryCheck.class,
                    "--items", Integer.toString(items), "--mode", mode));
            Map<String, String> values = output.values();
            String result = output.exitCode() == 0
                    ? String.format("completed %s items in %s s, peak heap used %s MiB, most heap used after a GC %s"
                            + " MiB (max heap %s MiB, %s collections, %s)", values.get("items"),
                            values.get("seconds"), values.get("peakUsedMiB"), values.get("peakAfterGcMiB"),
                            values.get("maxHeapMiB"), values.get("collections"), values.get("collectors"))
                    : "FAILED with exit code " + output.exitCode();
            summary.add("memory (" + mode + ", -Xmx64m): " + result);
        }
    }

    private void boto3(Optional<Boto3> boto3) {
        int items = quick ? 20_000 : ThroughputBenchmark.ITEMS;
        heading("boto3: paginator over " + items + " items, PageSize " + ThroughputBenchmark.PAGE_SIZE);
        if (boto3.isEmpty()) {
            summary.add("boto3: skipped (no python3 with boto3)");
            return;
        }
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(items, BenchSupport.SEED)
                .start()) {
            warmUp(emulator, 2);
            ChildProcess.Output output = boto3.get().run("throughput", emulator.endpoint(),
                    "--page-size", Integer.toString(ThroughputBenchmark.PAGE_SIZE),
                    "--expect", Integer.toString(items), "--runs", quick ? "1" : "3");
            summary.add("boto3 items/s: " + output.after("boto3 items/s:") + " (" + items + " items, median of "
                    + (quick ? 1 : 3) + " runs)");
        }
    }

    private void prefetch() throws RunnerException {
        int pages = quick ? 10 : 50;
        try (BedrockRuntimeEmulator fast = BedrockRuntimeEmulator.builder()
                .generated(ThroughputBenchmark.ITEMS, BenchSupport.SEED).start()) {
            // The JIT compiles code, not instances: this warms the slow emulator's code without its latency.
            warmUp(fast, quick ? 2 : 5);
        }
        // 1000-item pages, the most a request may ask for, put the most non-latency time into a fetch; 100-item
        // pages leave a fetch mostly latency.
        for (int pageSize : quick ? List.of(1000) : List.of(1000, 100)) {
            prefetch(pages, pageSize);
        }
    }

    private void prefetch(int pages, int pageSize) throws RunnerException {
        double workMillis = PrefetchBenchmark.WORK_PER_PAGE.toMillis();
        heading("prefetch: " + pages + " pages of " + pageSize + ", "
                + PrefetchBenchmark.SERVER_LATENCY.toMillis() + " ms server latency and " + (long) workMillis
                + " ms consumer work a page");
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder()
                .generated(pages * pageSize, BenchSupport.SEED)
                .latency(PrefetchBenchmark.SERVER_LATENCY).start()) {
            // One request is in flight at a time (each needs the previous page's token), so with a fetch taking F
            // and the work W a page, n pages take n(F + W) without prefetch and at best nF + W (F > W) with it.
            double fetch = prefetchRun(emulator, "none", List.of("0"), pages, pageSize).get(0).getScore() / pages;
            double bound = (pages * Math.max(fetch, workMillis) + Math.min(fetch, workMillis))
                    / (pages * (fetch + workMillis));
            System.out.printf(Locale.ROOT, "%nfetch without consumer work or prefetch: %.1f ms a page; with %.0f ms"
                    + " of work a page, prefetch that hides all of it would give a prefetch/none ratio of %.2f%n",
                    fetch, workMillis, bound);
            summary.add(String.format(Locale.ROOT, "prefetch, %d-item pages: a fetch takes %.1f ms a page (%d ms of"
                    + " it server latency); with one request in flight, hiding all the work gives a prefetch/none"
                    + " ratio of (n*F + W)/(n*(F + W)) = %.2f", pageSize, fetch,
                    PrefetchBenchmark.SERVER_LATENCY.toMillis(), bound));
            for (String work : List.of("spin", "sleep")) {
                Map<Integer, Result<?>> byDepth = prefetchRun(emulator, work,
                        quick ? List.of("0", "1") : List.of("0", "1", "2", "3", "4"), pages, pageSize);
                double none = byDepth.get(0).getScore();
                System.out.printf("%nprefetch, %s consumer (%d pages of %d):%n", work, pages, pageSize);
                System.out.println("| depth | ms per listing | vs. no prefetch |");
                System.out.println("|---:|---:|---:|");
                StringBuilder line = new StringBuilder("prefetch/none wall-time ratio, " + pageSize + "-item pages, "
                        + work + " consumer:");
                for (Map.Entry<Integer, Result<?>> entry : byDepth.entrySet()) {
                    double ratio = entry.getValue().getScore() / none;
                    System.out.printf("| %s | %.0f ± %.0f | %.2f |%n", entry.getKey() == 0 ? "none" : entry.getKey(),
                            entry.getValue().getScore(), error(entry.getValue()), ratio);
                    if (entry.getKey() > 0) {
                        line.append(String.format(Locale.ROOT, " depth %d %.2f", entry.getKey(), ratio));
                    }
                }
                summary.add(line + String.format(Locale.ROOT, " (none: %.0f ms)", none));
            }
        }
    }

    private Map<Integer, Result<?>> prefetchRun(BedrockRuntimeEmulator emulator, String work, List<String> depths,
            int pages, int pageSize) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(PrefetchBenchmark.class.getName()) + "\\.listing$")
                .param("work", work)
                .param("pages", Integer.toString(pages))
                .param("pageSize", Integer.toString(pageSize))
                .param("depth", depths.toArray(new String[0]))
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 1 : 2)
                .measurementIterations(quick ? 2 : 5)
                .jvmArgsAppend(FORK_HEAP_MIN, FORK_HEAP_MAX,
                        "-D" + PrefetchBenchmark.ENDPOINT_PROPERTY + "=" + emulator.endpoint())
                .shouldFailOnError(true);
        Map<Integer, Result<?>> byDepth = new TreeMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            byDepth.put(Integer.parseInt(result.getParams().getParam("depth")), result.getPrimaryResult());
        }
        emulator.clearRequests();
        return byDepth;
    }

    private String throughput() throws RunnerException {
        List<String> datas = quick ? List.of("generated") : List.of("generated", "s3only");
        heading("throughput: " + ThroughputBenchmark.ITEMS + " items, " + ThroughputBenchmark.PAGE_SIZE
                + " a page, raw SDK paginator vs lister stream, data " + String.join(" and ", datas) + ", " + rounds
                + " round(s)");
        Map<String, List<double[]>> pairsByData = new TreeMap<>();
        Map<String, BedrockRuntimeEmulator> emulators = new TreeMap<>();
        try {
            for (String data : datas) {
                BedrockRuntimeEmulator emulator = ThroughputBenchmark.emulator(data);
                emulators.put(data, emulator);
                warmUp(emulator, quick ? 2 : 5);
            }
            for (int round = 1; round <= rounds; round++) {
                Optional<MachineLoad> load = MachineLoad.now();
                for (String data : datas) {
                    BedrockRuntimeEmulator emulator = emulators.get(data);
                    List<String> order = round % 2 == 1 ? List.of("raw", "lister") : List.of("lister", "raw");
                    Map<String, RunResult> results = new TreeMap<>();
                    for (String benchmark : order) {
                        ChainedOptionsBuilder options = new OptionsBuilder()
                                .include(Pattern.quote(ThroughputBenchmark.class.getName()) + "\\." + benchmark
                                        + "$")
                                .param("data", data)
                                .forks(1)
                                .warmupIterations(quick ? 2 : 10)
                                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                                .measurementIterations(quick ? 3 : 5)
                                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                                .jvmArgsAppend(FORK_HEAP_MIN, FORK_HEAP_MAX, "-D"
                                        + ThroughputBenchmark.ENDPOINT_PROPERTY + "." + data + "="
                                        + emulator.endpoint())
                                .addProfiler(GCProfiler.class)
                                .shouldFailOnError(true);
                        results.put(benchmark, single(new Runner(options.build()).run()));
                        emulator.clearRequests();
                    }
                    double[] pair = {
                        itemsPerSecond(results.get("raw")), itemsPerSecond(results.get("lister")),
                        bytesPerItem(results.get("raw")), bytesPerItem(results.get("lister"))};
                    pairsByData.computeIfAbsent(data, d -> new ArrayList<>()).add(pair);
                    System.out.printf("%nround %d, %s: raw %,.0f items/s (%.1f ms/op ± %.1f), lister %,.0f items/s"
                            + " (%.1f ms/op ± %.1f): ratio %.3f; bytes/item raw %.0f, lister %.0f: ratio %.3f%n",
                            round, data, pair[0], score(results.get("raw")),
                            error(results.get("raw").getPrimaryResult()), pair[1], score(results.get("lister")),
                            error(results.get("lister").getPrimaryResult()), pair[1] / pair[0], pair[2], pair[3],
                            pair[3] / pair[2]);
                }
                int done = round;
                load.ifPresent(start -> System.out.println("round " + done + ": " + start.othersSince()));
            }
        } finally {
            emulators.values().forEach(BedrockRuntimeEmulator::close);
        }
        String headline = null;
        for (String data : datas) {
            List<double[]> pairs = pairsByData.get(data);
            summary.add(String.format(Locale.ROOT, "throughput, %s data: raw %.0f items/s, lister %.0f items/s"
                    + " (mean of %d rounds); per-round lister/raw ratios %s", data, mean(pairs, 0), mean(pairs, 1),
                    pairs.size(), ratios(pairs, p -> p[1] / p[0])));
            summary.add(String.format(Locale.ROOT, "allocation, %s data: raw %.0f bytes/item, lister %.0f bytes/item"
                    + " (mean of %d rounds)", data, mean(pairs, 2), mean(pairs, 3), pairs.size()));
            String suffix = data.equals("generated") ? "" : " (" + data + " data)";
            summary.add(String.format(Locale.ROOT, "lister/raw bytes-per-item ratio%s: %.2f", suffix,
                    geometricMean(pairs, p -> p[3] / p[2])));
            String ratio = String.format(Locale.ROOT, "lister/raw throughput ratio%s: %.2f", suffix,
                    geometricMean(pairs, p -> p[1] / p[0]));
            if (data.equals("generated")) {
                headline = ratio;
            } else {
                summary.add(ratio);
            }
        }
        return headline;
    }

    private static void warmUp(BedrockRuntimeEmulator emulator, int listings) {
        // The emulator's JIT warms here, in this JVM, before any client it serves is timed.
        for (int i = 0; i < listings; i++) {
            long count = 0;
            for (var summary : emulator.client().listAsyncInvokesPaginator(r -> r.maxResults(1000))
                    .asyncInvokeSummaries()) {
                count += summary.invocationArn().isEmpty() ? 0 : 1;
            }
            BenchSupport.expect(emulator.invocations().size(), count, "the warm-up");
        }
        emulator.clearRequests();
    }

    private static RunResult single(Collection<RunResult> results) {
        if (results.size() != 1) {
            throw new IllegalStateException("expected one benchmark result, got " + results.size());
        }
        return results.iterator().next();
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static double error(Result<?> result) {
        double error = result.getScoreError();
        return Double.isNaN(error) ? 0 : error;
    }

    private static double itemsPerSecond(RunResult result) {
        return ThroughputBenchmark.ITEMS / (score(result) / 1000);
    }

    private static double bytesPerItem(RunResult result) {
        // JMH declares the map with the raw type Result; a wildcard view keeps -Xlint quiet.
        Map<String, ?> secondary = result.getSecondaryResults();
        for (Map.Entry<String, ?> entry : secondary.entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return ((Result<?>) entry.getValue()).getScore() / ThroughputBenchmark.ITEMS;
            }
        }
        throw new IllegalStateException("no gc.alloc.rate.norm in " + secondary.keySet());
    }

    private static double geometricMean(List<double[]> pairs, java.util.function.ToDoubleFunction<double[]> f) {
        return Math.exp(pairs.stream().mapToDouble(p -> Math.log(f.applyAsDouble(p))).average().orElseThrow());
    }

    private static double mean(List<double[]> pairs, int index) {
        return pairs.stream().mapToDouble(p -> p[index]).average().orElseThrow();
    }

    private static String ratios(List<double[]> pairs, java.util.function.ToDoubleFunction<double[]> f) {
        return pairs.stream().map(p -> String.format(Locale.ROOT, "%.3f", f.applyAsDouble(p)))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void heading(String title) {
        System.out.printf("%n== %s ==%n", title);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("missing value for " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("error: " + error);
        }
        System.err.println("usage: java -jar async-invoke-lister-benchmarks/target/benchmarks.jar [--quick] [--only "
                + String.join(",", SECTIONS) + "] [--rounds N]");
        System.exit(error == null ? 0 : 2);
    }
}
