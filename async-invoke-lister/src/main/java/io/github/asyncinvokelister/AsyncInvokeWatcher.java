package io.github.asyncinvokelister;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Waits for asynchronous invocations to end, through the listing: one {@code ListAsyncInvokes} request covers up to
 * 1000 invocations in progress, where a {@code GetAsyncInvoke} loop makes one request per invocation per poll.
 *
 * <pre>{@code
 * AsyncInvokeWatcher watcher = AsyncInvokeWatcher.builder().lister(lister).build();
 * Map<String, AsyncInvokeSummary> ended = watcher.awaitCompletion(arns, Duration.ofMinutes(30));
 * ended.values().stream().filter(s -> s.status() == InvocationStatus.FAILED).forEach(...);
 * }</pre>
 *
 * <p>Each poll lists the invocations in progress in the window the watched ones span (their submit times), then reads
 * those that have left it: from listings of their own window, oldest first, each page starting at the oldest not
 * found yet, and with a {@code GetAsyncInvoke} for any those did not reach. The first page is one request a poll; a
 * further page is read only while the pages so far found at least as many of those that left, so the other pages and
 * the {@code GetAsyncInvoke}s together cost at most one request per invocation over the whole wait. For {@code P} invocations in progress in the
 * window, a poll makes at most {@code ceil(P / 1000) + 1} requests plus those (more only if the service reads an
 * invocation as in progress that its listing of those in progress left out). The lister's read-ahead, if any, is not
 * used: each request is one the watcher needs.
 * The first poll does not know the submit times yet: it lists every invocation in progress, and reads the watched ones
 * it did not see there from the listings of the {@code Completed} and then the {@code Failed}, newest first, by the
 * same rule, and with {@code GetAsyncInvoke} (which is how an ARN the service does not know is found out).
 *
 * <p>An invocation ends when it is {@code Completed} or {@code Failed}; a status this library does not know is
 * waited out like {@code InProgress}. A poll that fails (throttling that outlasted the SDK's retries, a server error,
 * a network failure) is tried again after a backoff with jitter, never sooner than the poll interval, and does not end
 * the wait by itself; a service error the caller has to fix (access denied, say) or a malformed response ends it with
 * {@link RequestFailedException}. The watcher waits on the
 * calling thread and starts none of its own. It is thread-safe; each call is an independent wait.
 */
public final class AsyncInvokeWatcher {
    /** How long between polls unless {@link Builder#pollInterval(Duration)} says otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    /** The longest a backoff after failed polls waits. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private static final Pattern INVOCATION_ARN = Pattern.compile(
            "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke/[a-z0-9]{12}");
    /** Submit times are in milliseconds: a window one millisecond wider on each side takes its ends in. */
    private static final Duration EDGE = Duration.ofMillis(1);
    private static final PaginationConfig WHOLE_PAGES = PaginationConfig.none().withPageSize(1000);
    private static final PageRequest ONE_PAGE = PageRequest.first().withMaxResults(1000);

    private final AsyncInvokeLister lister;
    private final Duration pollInterval;
    private final Clock clock;
    private final Sleeper sleeper;

    /** How the watcher waits between polls: {@code Thread.sleep} unless a test makes time pass some other way. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits this long.
         *
         * @param duration positive
         * @throws InterruptedException if the thread was interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private AsyncInvokeWatcher(Builder builder) {
        this.lister = Objects.requireNonNull(builder.lister, "lister").withoutPrefetch();
        this.pollInterval = builder.pollInterval;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
    }

    /**
     * A builder; {@link Builder#lister} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Waits until every invocation has ended.
     *
     * @param invocationArns the invocations' ARNs; repeats count once
     * @param timeout how long to wait at most; the last poll is at the timeout
     * @return each invocation's summary as it ended ({@code Completed} or {@code Failed}), by ARN, in the order
     *     given
     * @throws NullPointerException if an argument or an ARN is {@code null}
     * @throws IllegalArgumentException if an ARN is not an invocation ARN, before any request (the message names it)
     * @throws UnknownInvocationException if the service knows no invocation with some of the ARNs, at the first
     *     poll
     * @throws WaitTimeoutException if the timeout passed first; it holds the ended and the running
     * @throws WaitInterruptedException if the thread was interrupted; its flag is set again
     * @throws RequestFailedException if a poll failed in a way that waiting does not fix
     * @throws ListingException if a listing broke the service's contract: {@link TokenCycleException},
     *     {@link EmptyPagesException}
     */
    public Map<String, AsyncInvokeSummary> awaitCompletion(Collection<String> invocationArns, Duration timeout) {
        Objects.requireNonNull(invocationArns, "invocationArns");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        checkInvocationArns(invocationArns);
        Set<String> asked = new LinkedHashSet<>(invocationArns);
        if (asked.isEmpty()) {
            return Map.of();
        }
        Watch watch = new Watch(Optional.empty());
        asked.forEach(arn -> watch.pending.put(arn, null));
        Map<String, AsyncInvokeSummary> ended = new HashMap<>();
        Instant deadline = plus(clock.instant(), timeout);
        int failures = 0;
        while (true) {
            try {
                watch.poll().forEach(summary -> ended.put(summary.invocationArn(), summary));
                failures = 0;
            } catch (RequestFailedException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(asked, ended, e);
                }
                if (!retryable(e)) {
                    throw e;
                }
                failures++;
            }
            if (watch.pending.isEmpty()) {
                return inOrder(asked, ended);
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new WaitTimeoutException(watch.pending.size() + " of " + asked.size()
                        + " invocations had not ended after " + timeout, inOrder(asked, ended),
                        running(asked, ended));
            }
            Duration left = Duration.between(now, deadline);
            Duration delay = delay(failures);
            try {
                sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(asked, ended, e);
            }
        }
    }

    /**
     * Checks ARNs as {@link #awaitCompletion} does before its first request, for a caller that wants to refuse bad
     * input before it sets anything else up.
     *
     * @param invocationArns the ARNs
     * @throws NullPointerException if the collection or an ARN is {@code null}
     * @throws IllegalArgumentException naming the first that is not an asynchronous invocation ARN
     */
    public static void checkInvocationArns(Collection<String> invocationArns) {
        Objects.requireNonNull(invocationArns, "invocationArns");
        for (String arn : invocationArns) {
            Objects.requireNonNull(arn, "invocation ARN");
            if (!INVOCATION_ARN.matcher(arn).matches()) {
                throw new IllegalArgumentException("not an asynchronous invocation ARN: " + shown(arn));
            }
        }
    }

    /**
     * The invocations {@code query} matches, each once, as it ends: first those that had ended already (in the
     * listing's order), then the others as polls see them end, including ones that start while the stream is read.
     * The stream ends when none the query matches is left in progress, or when it is closed; it polls only as it is
     * read, on the reading thread. Use it in try-with-resources.
     *
     * <p>An invocation with a status this library does not know, not seen in progress, is not reported. Polls that
     * fail are retried as in {@link #awaitCompletion}; reading the stream throws {@link WaitInterruptedException}
     * when the thread is interrupted, {@link RequestFailedException} for a failure waiting does not fix, and
     * {@link ListingException} for a listing that broke the service's contract.
     *
     * @param query the window and sort; without {@code statusEquals}, which the watcher sets itself
     * @return the ended invocations
     * @throws NullPointerException if {@code query} is {@code null}
     * @throws IllegalArgumentException if {@code query} has a {@code statusEquals}
     * @throws IllegalStateException if the lister is closed
     */
    public Stream<AsyncInvokeSummary> completions(ListAsyncInvokesQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.statusEquals().isPresent()) {
            throw new IllegalArgumentException("completions(query) watches every status; the query must not set"
                    + " statusEquals (it has " + query.statusEquals().get() + ")");
        }
        Completions completions = new Completions(query);
        return StreamSupport.stream(completions, false).onClose(completions::close);
    }

    /** The stream of {@link #completions}: a poll whenever what the last one found has been read. */
    private final class Completions extends Spliterators.AbstractSpliterator<AsyncInvokeSummary> {
        private final ListAsyncInvokesQuery query;
        private final Watch watch;
        private final Deque<AsyncInvokeSummary> ready = new ArrayDeque<>();
        private boolean started;
        private boolean closed;
        private int failures;

        Completions(ListAsyncInvokesQuery query) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
            this.query = query;
            this.watch = new Watch(Optional.of(query));
            // Fails now, not at the first read, for a closed lister.
            lister.stream(query, WHOLE_PAGES).close();
        }

        @Override
        public boolean tryAdvance(Consumer<? super AsyncInvokeSummary> action) {
            while (ready.isEmpty()) {
                if (closed) {
                    return false;
                }
                if (!started) {
                    started = true;
                    start();
                    continue;
                }
                if (watch.pending.isEmpty()) {
                    return false;
                }
                try {
                    sleeper.sleep(delay(failures));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted(watch.pending.keySet(), Map.of(), e);
                }
                try {
                    ready.addAll(watch.poll());
                    failures = 0;
                } catch (RequestFailedException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted(watch.pending.keySet(), Map.of(), e);
                    }
                    if (!retryable(e)) {
                        throw e;
                    }
                    failures++;
                }
            }
            action.accept(ready.poll());
            return true;
        }

        /** The first listing: what has ended is ready; what is in progress is watched. */
        private void start() {
            try (Stream<AsyncInvokeSummary> all = lister.stream(query, WHOLE_PAGES)) {
                all.forEach(summary -> {
                    if (ended(summary)) {
                        watch.reported.add(summary.invocationArn());
                        ready.add(summary);
                    } else if (summary.status() == InvocationStatus.IN_PROGRESS) {
                        watch.pending.put(summary.invocationArn(), summary.submitTime());
                    }
                });
            }
        }

        void close() {
            closed = true;
            ready.clear();
        }
    }

    /**
     * One wait's state: the invocations not yet seen ended, with their submit times once known, and one poll.
     * {@code scope} is the query of {@link #completions}, whose window is listed as it is, so that invocations
     * starting in it are found; without one, the window is the watched invocations' own.
     */
    private final class Watch {
        private final Optional<ListAsyncInvokesQuery> scope;
        /** ARN to submit time; {@code null} until a poll has seen it. In the order they were added. */
        final Map<String, Instant> pending = new LinkedHashMap<>();
        /** The ARNs reported ended, never watched again. */
        final Set<String> reported = new HashSet<>();

        Watch(Optional<ListAsyncInvokesQuery> scope) {
            this.scope = scope;
        }

        /**
         * Lists what is in progress, then reads what left it.
         *
         * @return the invocations seen ended in this poll, in the order they were watched
         * @throws UnknownInvocationException if the service knows no invocation with some of the ARNs
         * @throws RequestFailedException if a request failed; nothing seen in this poll is lost, as the next poll
         *     starts over from the same state
         */
        List<AsyncInvokeSummary> poll() {
            Map<String, Instant> inProgress = new HashMap<>();
            try (Stream<AsyncInvokeSummary> listed = lister.stream(inProgressQuery(), WHOLE_PAGES)) {
                listed.forEach(summary -> inProgress.put(summary.invocationArn(), summary.submitTime()));
            }
            List<String> left = new ArrayList<>();
            for (Map.Entry<String, Instant> watched : pending.entrySet()) {
                if (!inProgress.containsKey(watched.getKey())) {
                    left.add(watched.getKey());
                }
            }

            Map<String, AsyncInvokeSummary> found = new HashMap<>();
            Set<String> unseen = new LinkedHashSet<>();
            Map<String, Instant> leaving = new HashMap<>();
            for (String arn : left) {
                Instant submitted = pending.get(arn);
                if (submitted == null) {
                    unseen.add(arn);
                } else {
                    leaving.put(arn, submitted);
                }
            }
            if (!leaving.isEmpty()) {
                readWindow(leaving, found);
            } else if (!unseen.isEmpty()) {
                readNewest(unseen, found);
            }
            List<String> alone = new ArrayList<>(unseen);
            alone.addAll(leaving.keySet());
            List<String> unknown = new ArrayList<>();
            for (String arn : alone) {
                lister.get(arn).ifPresentOrElse(s -> found.put(arn, s), () -> unknown.add(arn));
            }
            if (!unknown.isEmpty()) {
                throw new UnknownInvocationException(unknown);
            }

            // Only now is the state changed, so a poll that failed above left it as it was.
            List<AsyncInvokeSummary> ended = new ArrayList<>();
            inProgress.forEach((arn, submitted) -> {
                if (pending.containsKey(arn) || scope.isPresent() && !reported.contains(arn)) {
                    pending.put(arn, submitted);
                }
            });
            for (String arn : left) {
                AsyncInvokeSummary summary = found.get(arn);
                if (summary == null) {
                    continue;
                }
                if (ended(summary)) {
                    pending.remove(arn);
                    reported.add(arn);
                    ended.add(summary);
                } else {
                    pending.put(arn, summary.submitTime());
                }
            }
            return ended;
        }

        /**
         * Reads the invocations that left the listing of those in progress, with their submit times, from a listing
         * of their window, oldest first, which starts again at the oldest not found yet whenever a page ends before
         * it, so as to skip what lies between them. The first page is the poll's one request; each further one is read only while the
         * pages so far are no more than the invocations they found, so that the pages and the {@code GetAsyncInvoke}s
         * for what they miss never cost more than one request per invocation that left. Takes out of
         * {@code leaving} what it found.
         */
        private void readWindow(Map<String, Instant> leaving, Map<String, AsyncInvokeSummary> found) {
            List<Map.Entry<String, Instant>> oldestFirst = new ArrayList<>(leaving.entrySet());
            oldestFirst.sort(Map.Entry.comparingByValue());
            Instant last = oldestFirst.get(oldestFirst.size() - 1).getValue();
            int pages = 0;
            int hits = 0;
            int oldest = 0;
            ListAsyncInvokesQuery window = null;
            PageRequest request = ONE_PAGE;
            while (true) {
                while (!leaving.containsKey(oldestFirst.get(oldest).getKey())) {
                    oldest++;
                }
                if (window == null) {
                    window = ListAsyncInvokesQuery.builder()
                            .submitTimeAfter(oldestFirst.get(oldest).getValue().minus(EDGE))
                            .submitTimeBefore(last.plus(EDGE)).sortOrder(SortOrder.ASCENDING).build();
                }
                ServicePage page = lister.fetchPage(window, request);
                pages++;
                hits += take(page.items(), leaving.keySet(), found);
                if (leaving.isEmpty() || pages > hits || page.nextToken().isEmpty()) {
                    return;
                }
                while (!leaving.containsKey(oldestFirst.get(oldest).getKey())) {
                    oldest++;
                }
                Instant reached = page.items().isEmpty() ? Instant.MIN
                        : page.items().get(page.items().size() - 1).submitTime();
                if (oldestFirst.get(oldest).getValue().isAfter(reached)) {
                    // A gap with none of them in it: start again past it.
                    window = null;
                    request = ONE_PAGE;
                } else {
                    request = ONE_PAGE.withNextToken(page.nextToken().get());
                }
            }
        }

        /**
         * Reads watched invocations not seen in progress, whose submit times are not known, from the listings of the
         * {@code Completed} and then the {@code Failed}, newest first, as those are the ones most likely to have
         * ended lately, by the rule of {@link #readWindow}. Takes out of {@code unseen} what it found.
         */
        private void readNewest(Set<String> unseen, Map<String, AsyncInvokeSummary> found) {
            int pages = 0;
            int hits = 0;
            for (InvocationStatus status : List.of(InvocationStatus.COMPLETED, InvocationStatus.FAILED)) {
                try (Stream<SummaryPage> listed = lister.pages(ListAsyncInvokesQuery.builder().statusEquals(status)
                        .build(), WHOLE_PAGES)) {
                    Iterator<SummaryPage> it = listed.iterator();
                    while (it.hasNext()) {
                        SummaryPage page = it.next();
                        pages++;
                        hits += take(page.items(), unseen, found);
                        if (unseen.isEmpty() || pages > hits) {
                            return;
                        }
                        if (page.resumeToken().isEmpty()) {
                            break;
                        }
                    }
                }
            }
        }

        /** Moves the wanted invocations of a page from {@code wanted} to {@code found}; returns how many. */
        private int take(List<AsyncInvokeSummary> items, Set<String> wanted, Map<String, AsyncInvokeSummary> found) {
            int taken = 0;
            for (AsyncInvokeSummary summary : items) {
                if (wanted.remove(summary.invocationArn())) {
                    found.put(summary.invocationArn(), summary);
                    taken++;
                }
            }
            return taken;
        }

        private ListAsyncInvokesQuery inProgressQuery() {
            if (scope.isPresent()) {
                return scope.get().toBuilder().statusEquals(InvocationStatus.IN_PROGRESS).build();
            }
            ListAsyncInvokesQuery.Builder query = ListAsyncInvokesQuery.builder()
                    .statusEquals(InvocationStatus.IN_PROGRESS);
            if (!pending.containsValue(null)) {
                Instant first = pending.values().stream().min(Instant::compareTo).orElseThrow();
                Instant last = pending.values().stream().max(Instant::compareTo).orElseThrow();
                query.submitTimeAfter(first.minus(EDGE)).submitTimeBefore(last.plus(EDGE));
            }
            return query.build();
        }
    }

    private static boolean ended(AsyncInvokeSummary summary) {
        return summary.status() == InvocationStatus.COMPLETED || summary.status() == InvocationStatus.FAILED;
    }

    /**
     * Whether waiting may fix what failed the poll: throttling, a server error, a network failure or timeout. Not a
     * service error the caller has to fix, a malformed response, or a closed lister or client.
     */
    private static boolean retryable(RequestFailedException e) {
        Throwable cause = e.getCause();
        if (cause instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return cause instanceof SdkClientException;
    }

    /** The poll interval, or after failed polls a backoff with jitter: half of it fixed, half random. */
    private Duration delay(int failures) {
        if (failures == 0) {
            return pollInterval;
        }
        Duration ceiling = MAX_BACKOFF.compareTo(pollInterval) < 0 ? pollInterval : MAX_BACKOFF;
        Duration backoff = pollInterval;
        for (int i = 0; i < failures && backoff.compareTo(ceiling) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        backoff = backoff.compareTo(ceiling) < 0 ? backoff : ceiling;
        long half = backoff.toMillis() / 2;
        Duration jittered = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        return jittered.compareTo(pollInterval) < 0 ? pollInterval : jittered;
    }

    private static WaitInterruptedException interrupted(Collection<String> asked,
            Map<String, AsyncInvokeSummary> ended, Throwable cause) {
        Thread.currentThread().interrupt();
        return new WaitInterruptedException("the wait was interrupted with " + (asked.size() - ended.size())
                + " invocations still running", inOrder(asked, ended), running(asked, ended), cause);
    }

    private static Map<String, AsyncInvokeSummary> inOrder(Collection<String> asked,
            Map<String, AsyncInvokeSummary> ended) {
        Map<String, AsyncInvokeSummary> ordered = new LinkedHashMap<>();
        for (String arn : asked) {
            AsyncInvokeSummary summary = ended.get(arn);
            if (summary != null) {
                ordered.put(arn, summary);
            }
        }
        return ordered;
    }

    private static Set<String> running(Collection<String> asked, Map<String, AsyncInvokeSummary> ended) {
        Set<String> running = new LinkedHashSet<>(asked);
        running.removeAll(ended.keySet());
        return running;
    }

    private static Instant plus(Instant instant, Duration duration) {
        try {
            return instant.plus(duration);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Instant.MAX;
        }
    }

    private static String shown(String arn) {
        return arn.length() <= 200 ? arn : arn.substring(0, 200) + "...";
    }

    /** Configures an {@link AsyncInvokeWatcher}. */
    public static final class Builder {
        private AsyncInvokeLister lister;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(
                duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) < 0 ? duration.toNanos() : Long.MAX_VALUE);

        private Builder() {
        }

        /**
         * The lister the watcher lists and reads through; its client, retries and timeouts apply to every request.
         *
         * @param lister the lister; the watcher does not close it
         * @return this builder
         */
        public Builder lister(AsyncInvokeLister lister) {
            this.lister = Objects.requireNonNull(lister, "lister");
            return this;
        }

        /**
         * How long between polls.
         *
         * @param pollInterval positive; {@link #DEFAULT_POLL_INTERVAL} by default
         * @return this builder
         * @throws IllegalArgumentException if {@code pollInterval} is zero or negative
         */
        public Builder pollInterval(Duration pollInterval) {
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (pollInterval.isZero() || pollInterval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * The clock the timeout of {@link #awaitCompletion} is measured by; the system's by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the watcher waits between polls: {@code Thread.sleep} by default. A test against the emulator's manual
         * clock passes one that moves the clock on, {@code duration -> clock.advance(duration)}, and sets the same
         * clock with {@link #clock(Clock)}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the watcher.
         *
         * @return the watcher
         * @throws NullPointerException if no lister was set
         */
        public AsyncInvokeWatcher build() {
            return new AsyncInvokeWatcher(this);
        }
    }
}
