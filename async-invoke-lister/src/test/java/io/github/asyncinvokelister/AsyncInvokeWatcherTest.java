package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.Lifecycle;
import io.github.asyncinvokelister.emulator.ManualClock;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import io.github.asyncinvokelister.emulator.junit5.BedrockRuntimeEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The watcher over the emulator, on its manual clock: the watcher's sleeps move the clock, so a wait of minutes takes
 * milliseconds, and every request it makes is in the emulator's log.
 */
class AsyncInvokeWatcherTest {
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final String REEL = "amazon.nova-reel-v1:1";
    private static final String RAY = "luma.ray-v2:0";
    private static final String STUCK = "stuck.model-v1:0";

    @RegisterExtension
    static final BedrockRuntimeEmulatorExtension BEDROCK = BedrockRuntimeEmulatorExtension.builder()
            .emulator(b -> b.generated(300, 5)
                    .lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(3)))
                    .lifecycle(RAY, Lifecycle.failsAfter(Duration.ofSeconds(100), "The prompt was blocked."))
                    .lifecycle(STUCK, Lifecycle.runsUntilEnded()))
            .build();

    private BedrockRuntimeEmulator emulator;
    private ManualClock clock;
    private BedrockRuntimeClient noRetries;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        emulator = BEDROCK.emulator();
        clock = BEDROCK.clock();
        noRetries = emulator.clientBuilder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void tearDown() {
        noRetries.close();
    }

    private AsyncInvokeWatcher watcher(BedrockRuntimeClient client) {
        return watcher(AsyncInvokeLister.create(client));
    }

    private AsyncInvokeWatcher watcher(AsyncInvokeLister lister) {
        return AsyncInvokeWatcher.builder().lister(lister).pollInterval(POLL).clock(clock)
                .sleeper(duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                })
                .build();
    }

    private String start(String modelId) {
        return emulator.client().startAsyncInvoke(r -> r.modelId(modelId)
                .modelInput(Document.fromMap(Map.of("taskType", Document.fromString("TEXT_VIDEO"))))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://media-bucket/reels"))))
                .invocationArn();
    }

    /** Starts {@code count} invocations a second apart, every third one failing; clears the request log. */
    private List<String> startMany(int count) {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arns.add(start(i % 3 == 2 ? RAY : REEL));
            clock.advance(Duration.ofSeconds(1));
        }
        emulator.clearRequests();
        return arns;
    }

    private List<RecordedRequest> listings(boolean inProgress) {
        return emulator.requests().stream().filter(r -> r.path().equals("/async-invoke"))
                .filter(r -> "InProgress".equals(r.queryParameters().get("statusEquals")) == inProgress).toList();
    }

    private List<RecordedRequest> gets() {
        return emulator.requests().stream().filter(r -> r.path().startsWith("/async-invoke/")).toList();
    }

    @Test
    void reportsEveryInvocationOnceWithItsFinalStatusInTheOrderAsked() {
        List<String> arns = startMany(30);
        List<String> asked = new ArrayList<>(arns);
        Collections.reverse(asked);

        Map<String, AsyncInvokeSummary> ended = watcher(emulator.client()).awaitCompletion(asked,
                Duration.ofMinutes(30));

        assertThat(ended.keySet()).containsExactlyElementsOf(asked);
        for (int i = 0; i < arns.size(); i++) {
            AsyncInvokeSummary summary = ended.get(arns.get(i));
            if (i % 3 == 2) {
                assertThat(summary.status()).isEqualTo(InvocationStatus.FAILED);
                assertThat(summary.failureMessage()).contains("The prompt was blocked.");
            } else {
                assertThat(summary.status()).isEqualTo(InvocationStatus.COMPLETED);
            }
            assertThat(summary.endTime()).isPresent();
            assertThat(summary).isEqualTo(AsyncInvokeLister.create(emulator.client()).stream(ListAsyncInvokesQuery
                    .all()).filter(s -> s.invocationArn().equals(summary.invocationArn())).findFirst().orElseThrow());
        }
        // Reported within a poll of ending: the last ended 3 minutes after it started, 29 s after the first.
        assertThat(clock.instant()).isBefore(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START
                .plusSeconds(30 + 180 + 10));
    }

    @Test
    void eachPollMakesAtMostTwoRequestsAndEachInvocationAtMostOneGet() {
        List<String> arns = startMany(40);

        watcher(emulator.client()).awaitCompletion(arns, Duration.ofMinutes(30));

        int polls = listings(true).size();
        assertThat(polls).isBetween(15, 25);
        // P, the invocations in progress in the window, is at most 40: one in-progress request a poll.
        assertThat(listings(false)).hasSizeLessThanOrEqualTo(polls);
        // Only the first poll lacks submit times, and it saw all 40 in progress: no GetAsyncInvoke at all.
        assertThat(gets()).isEmpty();
        assertThat(emulator.requestCount()).isLessThanOrEqualTo(2L * polls);
        // After the first poll, each in-progress request covers only the watched window.
        assertThat(listings(true).get(0).queryParameters()).doesNotContainKey("submitTimeAfter");
        assertThat(listings(true).subList(1, polls)).allSatisfy(r -> assertThat(r.queryParameters())
                .containsKeys("submitTimeAfter", "submitTimeBefore"));
    }

    @Test
    void moreThanAThousandInProgressCostTwoListingRequestsAPoll() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            arns.add(start(REEL));
        }
        clock.advance(Duration.ofSeconds(1));
        emulator.clearRequests();

        watcher(emulator.client()).awaitCompletion(arns.subList(0, 5), Duration.ofMinutes(30));

        int polls = (int) listings(true).stream().filter(r -> !r.queryParameters().containsKey("nextToken")).count();
        // Two pages a poll while 1100 are in progress; the last poll, once all have ended, one.
        assertThat(listings(true)).hasSize(2 * polls - 1);
        assertThat(listings(false)).hasSizeLessThanOrEqualTo(polls);
        assertThat(gets()).isEmpty();
    }

    @Test
    void aCrowdedWindowOfThoseThatLeftIsPagedThroughRatherThanReadOneByOne() {
        // 3000 started in the same second, every other one ending at 100 s: 1500 leave in one poll, spread over a
        // window of 3000, more than one page of the window's listing holds.
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            arns.add(start(i % 2 == 0 ? RAY : REEL));
        }
        clock.advance(Duration.ofSeconds(1));
        emulator.clearRequests();

        Map<String, AsyncInvokeSummary> ended = watcher(emulator.client()).awaitCompletion(arns,
                Duration.ofMinutes(30));

        assertThat(ended).hasSize(3000);
        assertThat(ended.values().stream().filter(s -> s.status() == InvocationStatus.FAILED)).hasSize(1500);
        // The first poll saw all 3000 in progress, so no invocation is read alone.
        assertThat(gets()).isEmpty();
        // Each of the two polls that saw invocations leave pages through their window: 3 pages of 1000 each.
        assertThat(listings(false)).hasSize(6);
        int polls = (int) listings(true).stream().filter(r -> !r.queryParameters().containsKey("nextToken")).count();
        // The bound: ceil(P / 1000) + 1 a poll (P at most 3000), plus at most one request per invocation.
        assertThat(emulator.requestCount()).isLessThanOrEqualTo(4L * polls + arns.size());
    }

    @Test
    void aWindowListingThatFindsTooFewOfThoseThatLeftStopsAndReadsTheRestAlone() {
        // 1500 that stay in progress, with 2 among them that end: the window of the 2 holds 1500, and its first page
        // finds one of them. A second page would cost as much as the GetAsyncInvoke it saves; no third is read, even
        // by a lister that reads ahead.
        List<String> arns = new ArrayList<>();
        arns.add(start(RAY));
        for (int i = 0; i < 1500; i++) {
            start(STUCK);
        }
        arns.add(start(RAY));
        clock.advance(Duration.ofSeconds(1));
        emulator.clearRequests();

        Map<String, AsyncInvokeSummary> ended = watcher(AsyncInvokeLister.create(emulator.client()).withPrefetch(4))
                .awaitCompletion(arns, Duration.ofMinutes(30));

        assertThat(ended.values()).extracting(AsyncInvokeSummary::status).containsOnly(InvocationStatus.FAILED);
        assertThat(listings(false)).hasSizeLessThanOrEqualTo(2);
        assertThat(gets()).hasSizeLessThanOrEqualTo(1);
        // The window's listing and the reads alone: at most one request more than the two invocations that left.
        assertThat(listings(false).size() + gets().size()).isLessThanOrEqualTo(3);
    }

    @Test
    void invocationsThatEndedBeforeTheWaitAreFoundByOneListingRequestAndTheWaitEndsAtOnce() {
        List<String> arns = startMany(6);
        clock.advance(Duration.ofHours(1));

        Map<String, AsyncInvokeSummary> ended = watcher(emulator.client()).awaitCompletion(arns,
                Duration.ofMinutes(30));

        assertThat(ended).hasSize(6);
        assertThat(sleeps).isEmpty();
        // The first page of the newest Completed has the 4 that completed and pays for the first of the newest
        // Failed, which has the other 2.
        assertThat(listings(true)).hasSize(1);
        assertThat(emulator.requests()).hasSize(3).extracting(r -> r.queryParameters().get("statusEquals"))
                .containsExactly("InProgress", "Completed", "Failed");
        assertThat(gets()).isEmpty();
    }

    @Test
    void invocationsFarBackInTheHistoryAreReadAloneOnceAPageFindsTooFew() {
        List<String> oldest;
        try (Stream<AsyncInvokeSummary> all = AsyncInvokeLister.create(emulator.client()).stream(
                ListAsyncInvokesQuery.builder().sortOrder(SortOrder.ASCENDING).build())) {
            oldest = all.filter(s -> s.status() == InvocationStatus.COMPLETED
                    || s.status() == InvocationStatus.FAILED).limit(3).map(AsyncInvokeSummary::invocationArn).toList();
        }
        startMany(1600);
        clock.advance(Duration.ofHours(1));
        emulator.clearRequests();

        Map<String, AsyncInvokeSummary> ended = watcher(emulator.client()).awaitCompletion(oldest,
                Duration.ofMinutes(30));

        assertThat(ended.keySet()).containsExactlyElementsOf(oldest);
        // The first page of the newest 1000 Completed found none of the 3: one GetAsyncInvoke each, and no other
        // page.
        assertThat(emulator.requests().stream().filter(r -> r.path().equals("/async-invoke"))).hasSize(2);
        assertThat(gets()).hasSize(3);
    }

    @Test
    void anArnTheServiceDoesNotKnowIsAnErrorNamingItAtTheFirstPoll() {
        List<String> arns = new ArrayList<>(startMany(3));
        String unknown = "arn:aws:bedrock:us-east-1:123456789012:async-invoke/zzzzzzzzzzzz";
        arns.add(unknown);

        assertThatThrownBy(() -> watcher(emulator.client()).awaitCompletion(arns, Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(UnknownInvocationException.class,
                        e -> assertThat(e.invocationArns()).containsExactly(unknown))
                .hasMessageContaining(unknown).hasMessageNotContaining(arns.get(0));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aMalformedArnIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> watcher(emulator.client()).awaitCompletion(List.of("arn:aws:bedrock:nope"),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arn:aws:bedrock:nope");
        assertThatThrownBy(() -> watcher(emulator.client()).awaitCompletion(List.of(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThat(watcher(emulator.client()).awaitCompletion(List.of(), Duration.ofMinutes(1))).isEmpty();
        assertThatThrownBy(() -> AsyncInvokeWatcher.checkInvocationArns(List.of(
                "arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl", "arn:aws:bedrock:nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("arn:aws:bedrock:nope");
        AsyncInvokeWatcher.checkInvocationArns(
                List.of("arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl"));
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void theTimeoutHoldsWhatEndedAndWhatIsStillRunning() {
        String done = start(REEL);
        String stuck = start(STUCK);
        emulator.clearRequests();
        Instant began = clock.instant();

        assertThatThrownBy(() -> watcher(emulator.client()).awaitCompletion(List.of(stuck, done),
                Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.finished()).containsOnlyKeys(done);
                    assertThat(e.stillRunning()).containsExactly(stuck);
                    assertThat(e.getMessage()).contains("1 of 2");
                });
        // The last poll is at the timeout, not a poll interval past it.
        assertThat(clock.instant()).isEqualTo(began.plus(Duration.ofMinutes(10)));
    }

    @Test
    void throttlingSlowsThePollingAndNeverFailsTheWait() {
        List<String> arns = startMany(4);
        emulator.faults().next(Fault.NONE, Fault.THROTTLE, Fault.THROTTLE, Fault.THROTTLE, Fault.THROTTLE);

        Map<String, AsyncInvokeSummary> ended = watcher(noRetries).awaitCompletion(arns, Duration.ofHours(1));

        assertThat(ended).hasSize(4);
        // Each throttled poll doubles the wait, half of it random: never shorter than the poll interval.
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(POLL));
        assertThat(sleeps.subList(1, 5)).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(POLL));
        assertThat(sleeps.get(4)).isGreaterThanOrEqualTo(POLL.multipliedBy(8));
    }

    @Test
    void aPollThatFailsHalfWayLosesAndRepeatsNothing() {
        List<String> arns = startMany(9);
        // From the second poll on, every other listing request fails: the in-progress one or the window one.
        List<Fault> faults = new ArrayList<>(List.of(Fault.NONE));
        for (int i = 0; i < 20; i++) {
            faults.add(Fault.NONE);
            faults.add(i % 2 == 0 ? Fault.INTERNAL_ERROR : Fault.RESET_CONNECTION);
        }
        emulator.faults().next(faults.toArray(Fault[]::new));

        Map<String, AsyncInvokeSummary> ended = watcher(noRetries).awaitCompletion(arns, Duration.ofHours(1));

        assertThat(ended.keySet()).containsExactlyElementsOf(arns);
        assertThat(ended.values()).allSatisfy(s -> assertThat(s.status()).isIn(InvocationStatus.COMPLETED,
                InvocationStatus.FAILED));
    }

    @Test
    void anErrorThatWaitingCannotFixEndsTheWait() {
        List<String> arns = startMany(2);
        emulator.faults().next(Fault.ACCESS_DENIED);

        assertThatThrownBy(() -> watcher(noRetries).awaitCompletion(arns, Duration.ofHours(1)))
                .isInstanceOf(RequestFailedException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aListingThatCyclesEndsTheWaitWithTheListingsException() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            arns.add(start(REEL));
        }
        emulator.clearRequests();
        // The in-progress listing's second page hands back the token it was asked with.
        emulator.faults().next(Fault.NONE, Fault.REPEAT_TOKEN);

        assertThatThrownBy(() -> watcher(emulator.client()).awaitCompletion(arns, Duration.ofHours(1)))
                .isInstanceOf(TokenCycleException.class);
        assertThat(sleeps).isEmpty();
        assertThat(emulator.requestCount()).isEqualTo(2);
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        List<String> arns = startMany(3);
        AsyncInvokeWatcher interrupting = AsyncInvokeWatcher.builder().lister(AsyncInvokeLister.create(
                emulator.client())).pollInterval(POLL).clock(clock).sleeper(duration -> {
                    throw new InterruptedException("stop");
                }).build();

        try {
            assertThatThrownBy(() -> interrupting.awaitCompletion(arns, Duration.ofHours(1)))
                    .isInstanceOfSatisfying(WaitInterruptedException.class, e -> {
                        assertThat(e.stillRunning()).containsExactlyElementsOf(arns);
                        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                    });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void othersStartingDuringTheWaitChangeNothing() {
        List<String> arns = startMany(5);
        Set<String> others = new HashSet<>();
        AsyncInvokeWatcher busy = AsyncInvokeWatcher.builder().lister(AsyncInvokeLister.create(emulator.client()))
                .pollInterval(POLL).clock(clock).sleeper(duration -> {
                    others.add(start(REEL));
                    others.add(start(STUCK));
                    clock.advance(duration);
                }).build();

        Map<String, AsyncInvokeSummary> ended = busy.awaitCompletion(arns, Duration.ofHours(1));

        assertThat(ended.keySet()).containsExactlyElementsOf(arns);
        assertThat(others).hasSizeGreaterThan(10).doesNotContainAnyElementsOf(ended.keySet());
    }

    @Test
    void completionsReportTheEndedThenTheRestAsTheyEndIncludingNewcomersOnceEach() {
        String before = start(REEL);
        clock.advance(Duration.ofMinutes(5));
        List<String> running = startMany(6);
        ListAsyncInvokesQuery window = ListAsyncInvokesQuery.builder()
                .submitTimeAfter(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START.minusMillis(1)).build();
        List<String> newcomers = new ArrayList<>();

        List<String> seen = new ArrayList<>();
        try (Stream<AsyncInvokeSummary> completions = watcher(emulator.client()).completions(window)) {
            completions.forEach(s -> {
                assertThat(s.status()).isIn(InvocationStatus.COMPLETED, InvocationStatus.FAILED);
                seen.add(s.invocationArn());
                if (newcomers.size() < 2) {
                    newcomers.add(start(REEL));
                }
            });
        }

        assertThat(seen.get(0)).isEqualTo(before);
        assertThat(seen).doesNotHaveDuplicates().containsAll(running).containsAll(newcomers)
                .hasSize(1 + running.size() + newcomers.size());
        assertThat(emulator.invocations().stream().filter(i -> i.status().orElse("").equals("InProgress")
                && i.submitTime().isAfter(window.submitTimeAfter().orElseThrow()))).isEmpty();
    }

    @Test
    void completionsRefuseAStatusFilterAndEndAtOnceWhenNothingIsInProgress() {
        AsyncInvokeWatcher watcher = watcher(emulator.client());
        assertThatThrownBy(() -> watcher.completions(ListAsyncInvokesQuery.builder()
                .statusEquals(InvocationStatus.FAILED).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statusEquals");
        assertThat(emulator.requestCount()).isZero();

        ListAsyncInvokesQuery old = ListAsyncInvokesQuery.builder()
                .submitTimeBefore(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START).build();
        long inProgress = emulator.invocations().stream()
                .filter(i -> i.status().orElse("").equals("InProgress")).count();
        // The generated invocations never change: those in progress stay so, and the stream ends only when closed.
        assertThat(inProgress).isPositive();
        try (Stream<AsyncInvokeSummary> ended = watcher.completions(old)) {
            assertThat(ended.limit(5).toList()).hasSize(5);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void builderArgumentsAreChecked() {
        AsyncInvokeWatcher.Builder builder = AsyncInvokeWatcher.builder();
        assertThatThrownBy(builder::build).isInstanceOf(NullPointerException.class).hasMessageContaining("lister");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> builder.sleeper(null)).isInstanceOf(NullPointerException.class);
    }
}
