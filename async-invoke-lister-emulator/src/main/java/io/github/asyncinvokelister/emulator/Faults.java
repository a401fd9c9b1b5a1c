package io.github.asyncinvokelister.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The faults a running {@link BedrockRuntimeEmulator} injects into {@code ListAsyncInvokes} requests. Thread-safe.
 *
 * <p>For each {@code ListAsyncInvokes} request the emulator takes the next scripted fault, if there is one;
 * otherwise it draws every rate rule, in the order they were added, and applies the first that fires. Other
 * operations ({@code GetAsyncInvoke}, {@code StartAsyncInvoke}) never get faults.
 *
 * <pre>{@code
 * emu.faults().next(Fault.THROTTLE, Fault.THROTTLE);  // the next two requests are throttled
 * emu.faults().rate(Fault.RESET_CONNECTION, 0.05, 1); // then one in twenty resets, the same ones each run
 * emu.faults().clear();                                // back to normal
 * }</pre>
 */
public final class Faults {
    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<Rate> rates = new ArrayList<>();

    Faults() {
    }

    /**
     * Scripts faults for the next {@code ListAsyncInvokes} requests, one each, in order, after any already
     * scripted. Use {@link Fault#NONE} to let a request through.
     *
     * @param faults the faults
     * @return this
     */
    public synchronized Faults next(Fault... faults) {
        for (Fault fault : faults) {
            script.add(Objects.requireNonNull(fault, "fault"));
        }
        return this;
    }

    /**
     * Adds a rule that gives each unscripted {@code ListAsyncInvokes} request {@code fault} with this probability,
     * drawn from a generator seeded with {@code seed}, so the same requests get it on every run.
     *
     * @param fault the fault
     * @param probability 0 to 1
     * @param seed the generator's seed
     * @return this
     * @throws IllegalArgumentException if {@code probability} is not between 0 and 1
     */
    public synchronized Faults rate(Fault fault, double probability, long seed) {
        rates.add(new Rate(fault, probability, seed));
        return this;
    }

    /**
     * Drops the script and every rate rule.
     *
     * @return this
     */
    public synchronized Faults clear() {
        script.clear();
        rates.clear();
        return this;
    }

    /**
     * The scripted faults not served yet, in order.
     *
     * @return a snapshot
     */
    public synchronized List<Fault> pending() {
        return List.copyOf(script);
    }

    /** The fault for the next {@code ListAsyncInvokes} request; {@link Fault#NONE} if none. */
    synchronized Fault take() {
        Fault scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Fault drawn = Fault.NONE;
        for (Rate rate : rates) {
            // Every rule draws on every request, so each rule's stream does not depend on the others.
            if (rate.random.chance(rate.probability) && drawn == Fault.NONE) {
                drawn = rate.fault;
            }
        }
        return drawn;
    }

    /** Validates a rate rule's arguments, so the builder can fail as fast as {@link #rate} does. */
    static void checkRate(Fault fault, double probability) {
        Objects.requireNonNull(fault, "fault");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1: " + probability);
        }
    }

    private static final class Rate {
        private final Fault fault;
        private final double probability;
        private final SplitMix random;

        Rate(Fault fault, double probability, long seed) {
            checkRate(fault, probability);
            this.fault = fault;
            this.probability = probability;
            this.random = new SplitMix(seed);
        }
    }
}
