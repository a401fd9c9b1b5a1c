package io.github.asyncinvokelister.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * What the emulator serves: the invocations it was built with (the base, which never changes) and the ones started
 * through {@code StartAsyncInvoke}, with the rules they start by. Thread-safe.
 *
 * <p>Each request sees the invocations through a {@link #view()}: one instant of the clock, and the started
 * invocations as they were when it was taken, merged with the base in submit-time order. Started invocations are
 * kept sorted by submit time, then start order; the array a view holds is never written below its length, so a
 * view stays as it was while invocations start.
 */
final class EmulatorState {
    /** Base items have their index as ordinal; started ones this plus their sequence, so they never collide. */
    static final long STARTED_ORDINALS = 1L << 32;
    private static final long ID_SEED = 0x5eedL;
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final long IDS = 4_738_381_338_321_616_896L; // 36^12

    final Dataset base;
    final Clock clock;
    private final Optional<Set<String>> knownModels;
    private final int inProgressQuota;
    private final Lifecycle initialLifecycle;
    private final Map<String, Lifecycle> initialModelLifecycles;
    private volatile Lifecycle lifecycle;
    private final Map<String, Lifecycle> modelLifecycles = new ConcurrentHashMap<>();

    // Guarded by this.
    private Job[] jobs = new Job[16];
    private int size;
    private long sequence;
    private final Map<String, Job> byArn = new HashMap<>();
    private final Map<String, Idempotent> byToken = new HashMap<>();

    private record Idempotent(String parameters, Job job) {
    }

    EmulatorState(Dataset base, Clock clock, Optional<Set<String>> knownModels, int inProgressQuota,
            Lifecycle lifecycle, Map<String, Lifecycle> modelLifecycles) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownModels = knownModels.map(Set::copyOf);
        this.inProgressQuota = inProgressQuota;
        this.initialLifecycle = lifecycle;
        this.initialModelLifecycles = Map.copyOf(modelLifecycles);
        this.lifecycle = lifecycle;
        this.modelLifecycles.putAll(modelLifecycles);
    }

    /** Sets the lifecycle of invocations started from now on, of every model without one of its own. */
    void lifecycle(Lifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Sets the lifecycle of invocations of {@code modelId} started from now on. */
    void lifecycle(String modelId, Lifecycle lifecycle) {
        modelLifecycles.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle,
                "lifecycle"));
    }

    /**
     * Starts an invocation, or finds the one this request's token started.
     *
     * @return the invocation's ARN
     * @throws ApiError {@code ResourceNotFoundException} for a model not among the known ones,
     *     {@code ConflictException} for a token used before with other parameters,
     *     {@code ServiceQuotaExceededException} when the quota of invocations in progress is full
     */
    String start(StartRequest request) {
        if (knownModels.isPresent() && !knownModels.get().contains(request.modelId())) {
            throw new ApiError(404, "ResourceNotFoundException",
                    "Could not resolve the foundation model from the provided model identifier.");
        }
        Instant now = clock.instant();
        synchronized (this) {
            Optional<String> token = request.clientRequestToken();
            if (token.isPresent()) {
                Idempotent earlier = byToken.get(token.get());
                if (earlier != null && earlier.parameters().equals(request.parameters())) {
                    return earlier.job().invocationArn;
                }
                if (earlier != null) {
                    throw new ApiError(400, "ConflictException", "The clientRequestToken was already used to"
                            + " start an asynchronous invocation with other parameters");
                }
            }
            if (inProgressQuota > 0 && inProgress(now) >= inProgressQuota) {
                throw new ApiError(400, "ServiceQuotaExceededException", "You have reached the quota of "
                        + inProgressQuota + " asynchronous invocations in progress; wait for one to end");
            }
            String id = newId();
            // The service's timestamps have milliseconds; keeping finer ones would make List and Get disagree.
            Instant submitTime = now.truncatedTo(ChronoUnit.MILLIS);
            Lifecycle rules = modelLifecycles.getOrDefault(request.modelId(), lifecycle);
            Job job = new Job(sequence++, id, request.modelId(), request, submitTime,
                    firstIndex(base.size(), i -> base.submitTime(i).isAfter(submitTime)),
                    Job.Fate.of(rules, id));
            insert(job);
            byArn.put(job.invocationArn, job);
            token.ifPresent(value -> byToken.put(value, new Idempotent(request.parameters(), job)));
            return job.invocationArn;
        }
    }

    /** The started invocations, in the order they started. */
    synchronized List<Job> started() {
        List<Job> started = new ArrayList<>(Arrays.asList(jobs).subList(0, size));
        started.sort((a, b) -> Long.compare(a.sequence, b.sequence));
        return started;
    }

    synchronized Optional<Job> job(String invocationArn) {
        return Optional.ofNullable(byArn.get(invocationArn));
    }

    /** Forgets every started invocation and token, and puts the lifecycles back as the builder set them. */
    synchronized void reset() {
        jobs = new Job[16];
        size = 0;
        sequence = 0;
        byArn.clear();
        byToken.clear();
        lifecycle = initialLifecycle;
        modelLifecycles.clear();
        modelLifecycles.putAll(initialModelLifecycles);
    }

    /** The invocations as of now: the base alone until one has started. */
    Dataset view() {
        Instant now = clock.instant();
        synchronized (this) {
            return size == 0 ? base : new Merged(base, jobs, size, now, this);
        }
    }

    private int inProgress(Instant now) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (jobs[i].inProgress(now)) {
                count++;
            }
        }
        return count;
    }

    /** A fresh 12-character ID, the same sequence of them after every start or reset. */
    private String newId() {
        for (long attempt = 0; ; attempt++) {
            long value = Long.remainderUnsigned(SplitMix.mix(ID_SEED + attempt, sequence), IDS);
            char[] id = new char[12];
            for (int i = id.length - 1; i >= 0; i--) {
                id[i] = DIGITS.charAt((int) (value % 36));
                value /= 36;
            }
            String arn = GeneratedInvocations.ARN_PREFIX + new String(id);
            if (!byArn.containsKey(arn) && base.find(arn).isEmpty()) {
                return new String(id);
            }
        }
    }

    /** Keeps {@link #jobs} sorted by submit time, then sequence, without writing below a view's length. */
    private void insert(Job job) {
        int at = size;
        while (at > 0 && jobs[at - 1].submitTime.isAfter(job.submitTime)) {
            at--;
        }
        if (at == size && size < jobs.length) {
            jobs[size++] = job;
            return;
        }
        Job[] grown = new Job[size < jobs.length ? jobs.length : jobs.length * 2];
        System.arraycopy(jobs, 0, grown, 0, at);
        grown[at] = job;
        System.arraycopy(jobs, at, grown, at + 1, size - at);
        jobs = grown;
        size++;
    }

    /** The first index in {@code [0, size)} that passes {@code test}, which must be monotonic; size if none. */
    static int firstIndex(int size, IntPredicate test) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (test.test(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * The base and the started invocations of a view, merged. Started invocation {@code k} (in sorted order) sits
     * at {@code basePosition + k}; those positions increase with {@code k}, so an index is found by binary search.
     */
    private static final class Merged implements Dataset {
        private final Dataset base;
        private final Job[] jobs;
        private final int count;
        private final Instant now;
        private final EmulatorState state;
        private final int size;

        Merged(Dataset base, Job[] jobs, int count, Instant now, EmulatorState state) {
            this.base = base;
            this.jobs = jobs;
            this.count = count;
            this.now = now;
            this.state = state;
            this.size = Math.addExact(base.size(), count);
        }

        /** The started invocation at {@code index}, or {@code -1 - (started ones before it)} for a base item. */
        private int locate(int index) {
            int k = firstIndex(count, j -> jobs[j].basePosition + j >= index);
            return k < count && jobs[k].basePosition + k == index ? k : -1 - k;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Invocation get(int index) {
            Objects.checkIndex(index, size);
            int k = locate(index);
            return k >= 0 ? jobs[k].at(now) : base.get(index + 1 + k);
        }

        @Override
        public Instant submitTime(int index) {
            Objects.checkIndex(index, size);
            int k = locate(index);
            return k >= 0 ? jobs[k].submitTime : base.submitTime(index + 1 + k);
        }

        @Override
        public long ordinal(int index) {
            Objects.checkIndex(index, size);
            int k = locate(index);
            return k >= 0 ? STARTED_ORDINALS + jobs[k].sequence : index + 1 + k;
        }

        @Override
        public Optional<Invocation> find(String invocationArn) {
            Optional<Invocation> found = base.find(invocationArn);
            return found.isPresent() ? found : state.job(invocationArn).map(job -> job.at(now));
        }

        @Override
        public List<Invocation> asList() {
            return new View();
        }

        @Override
        public long fingerprint() {
            return base.fingerprint();
        }

        private final class View extends AbstractList<Invocation> implements RandomAccess {
            @Override
            public Invocation get(int index) {
                return Merged.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        }
    }
}
