package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.AsyncInvokeWatcher;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Lifecycle;
import io.github.asyncinvokelister.emulator.ManualClock;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;

/**
 * The requests {@link AsyncInvokeWatcher#awaitCompletion} makes while {@code n} invocations run, against a
 * {@code GetAsyncInvoke}-per-invocation loop at the same poll interval, and how long after an invocation ends the
 * watcher reports it. The emulator runs on a {@link ManualClock} that the waits move, so minutes of invocations take
 * seconds, and the figures are exact, not sampled: the same on every run.
 *
 * <pre>{@code
 * java -cp async-invoke-lister-benchmarks/target/benchmarks.jar io.github.asyncinvokelister.bench.WatcherRequests
 * }</pre>
 *
 * <p>The {@code n} invocations start over a minute; a tenth fail after 90 s, the others complete 1, 2, 3 or 4
 * minutes after they start (a quarter each, chosen by invocation ID). The emulator also holds 1,000 generated
 * invocations from months before, 12% of them in progress for ever, as an account's history would. It prints a
 * Markdown table.
 */
public final class WatcherRequests {
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final Duration START_SPAN = Duration.ofMinutes(1);
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Lifecycle MIXED = Lifecycle.split(0.1,
            Lifecycle.failsAfter(Duration.ofSeconds(90), "Internal server error. Please try again."),
            Lifecycle.split(0.25, Lifecycle.completesAfter(Duration.ofMinutes(1)),
                    Lifecycle.split(1.0 / 3, Lifecycle.completesAfter(Duration.ofMinutes(2)),
                            Lifecycle.split(0.5, Lifecycle.completesAfter(Duration.ofMinutes(3)),
                                    Lifecycle.completesAfter(Duration.ofMinutes(4))))));

    private WatcherRequests() {
    }

    /**
     * Runs the three sizes and prints the table.
     *
     * @param args none, or the sizes to run, such as {@code 10 500 5000}
     */
    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 500, 5000);
        }
        System.out.println("| invocations | watcher requests | polls | most requests in a poll | beyond"
                + " ceil(P/1000)+1 a poll, whole wait | of them GetAsyncInvoke | GetAsyncInvoke loop requests"
                + " | loop / watcher | report delay, most | mean |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            run(n);
        }
    }

    private static void run(int n) {
        ManualClock clock = ManualClock.at(START);
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().clock(clock).generated(1000, 1)
                .lifecycle(MIXED).requestLogLimit(1_000_000).start()) {
            BedrockRuntimeClient client = emulator.client();
            AsyncInvokeWatcher watcher = AsyncInvokeWatcher.builder().lister(AsyncInvokeLister.create(client))
                    .pollInterval(POLL).clock(clock).sleeper(clock::advance).build();

            // The watcher's wait.
            List<String> arns = startAll(emulator, clock, n);
            Map<String, AsyncInvokeSummary> ended = watcher.awaitCompletion(arns, Duration.ofHours(1));
            if (ended.size() != n) {
                throw new IllegalStateException("the watcher reported " + ended.size() + " of " + n);
            }
            List<RecordedRequest> requests = emulator.requests();
            int polls = 0;
            int mostInAPoll = 0;
            // Requests beyond a poll's ceil(P / 1000) + 1, P being what it listed in progress: its in-progress pages.
            int beyond = 0;
            int inThisPoll = 0;
            int inProgressPages = 0;
            for (RecordedRequest request : requests) {
                boolean inProgress = "InProgress".equals(request.queryParameters().get("statusEquals"));
                if (inProgress && request.nextToken().isEmpty()) {
                    beyond += Math.max(0, inThisPoll - (inProgressPages + 1));
                    polls++;
                    inThisPoll = 0;
                    inProgressPages = 0;
                }
                inThisPoll++;
                inProgressPages += inProgress ? 1 : 0;
                mostInAPoll = Math.max(mostInAPoll, inThisPoll);
            }
            beyond += Math.max(0, inThisPoll - (inProgressPages + 1));
            if (beyond > n) {
                throw new IllegalStateException(beyond + " requests beyond ceil(P / 1000) + 1 a poll, for " + n);
            }
            long gets = requests.stream().filter(r -> r.path().startsWith("/async-invoke/")).count();
            long watcherRequests = emulator.requestCount();

            // The same invocations, with the same ARNs and fates after the reset, waited for one GetAsyncInvoke each a
            // poll.
            emulator.reset();
            clock.set(START);
            List<String> again = startAll(emulator, clock, n);
            if (!again.equals(arns)) {
                throw new IllegalStateException("the reset emulator started other invocations");
            }
            Set<String> pending = new LinkedHashSet<>(again);
            while (true) {
                pending.removeIf(arn -> {
                    GetAsyncInvokeResponse got = client.getAsyncInvoke(r -> r.invocationArn(arn));
                    return got.statusAsString().equals("Completed") || got.statusAsString().equals("Failed");
                });
                if (pending.isEmpty()) {
                    break;
                }
                clock.advance(POLL);
            }
            long loopRequests = emulator.requestCount();

            // How long after its end each is reported, through completions(), which polls the same way.
            emulator.reset();
            clock.set(START);
            startAll(emulator, clock, n);
            Duration most = Duration.ZERO;
            Duration total = Duration.ZERO;
            int reported = 0;
            try (Stream<AsyncInvokeSummary> completions = watcher.completions(ListAsyncInvokesQuery.builder()
                    .submitTimeAfter(START.minusMillis(1)).build())) {
                for (AsyncInvokeSummary summary : (Iterable<AsyncInvokeSummary>) completions::iterator) {
                    Duration delay = Duration.between(summary.endTime().orElseThrow(), clock.instant());
                    most = delay.compareTo(most) > 0 ? delay : most;
                    total = total.plus(delay);
                    reported++;
                }
            }
            if (reported != n) {
                throw new IllegalStateException("completions() reported " + reported + " of " + n);
            }
            System.out.printf("| %,d | %,d | %d | %d | %d | %d | %,d | %.0fx | %.1f s | %.1f s |%n", n,
                    watcherRequests, polls, mostInAPoll, beyond, gets, loopRequests, (double) loopRequests / watcherRequests,
                    most.toMillis() / 1000.0, total.toMillis() / 1000.0 / n);
        }
    }

    /** Starts {@code n} invocations evenly over {@link #START_SPAN}, then forgets the requests that did it. */
    private static List<String> startAll(BedrockRuntimeEmulator emulator, ManualClock clock, int n) {
        List<String> arns = new ArrayList<>(n);
        Duration gap = START_SPAN.dividedBy(n);
        for (int i = 0; i < n; i++) {
            arns.add(emulator.client().startAsyncInvoke(r -> r.modelId("amazon.nova-reel-v1:1")
                    .modelInput(Document.fromMap(Map.of("taskType", Document.fromString("TEXT_VIDEO"))))
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://media-bucket/reels"))))
                    .invocationArn());
            clock.advance(gap);
        }
        emulator.clearRequests();
        return arns;
    }
}
