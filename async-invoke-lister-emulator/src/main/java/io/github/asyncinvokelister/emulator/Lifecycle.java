package io.github.asyncinvokelister.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How an invocation started through {@code StartAsyncInvoke} runs: {@code InProgress} from its submit time, then
 * {@code Completed} or {@code Failed} once the emulator's clock has passed its submit time by the case's duration.
 * The cases are {@link Completes}, {@link Fails}, {@link RunsUntilEnded} and {@link Split}.
 *
 * <pre>{@code
 * BedrockRuntimeEmulator.builder()
 *     .lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(2)))                  // every model...
 *     .lifecycle("luma.ray-v2:0", Lifecycle.split(0.25,                             // ...but this one, where
 *         Lifecycle.failsAfter(Duration.ofSeconds(30), "Internal server error."),   // one in four fails
 *         Lifecycle.completesAfter(Duration.ofMinutes(5))))
 *     .start();
 * }</pre>
 *
 * <p>An invocation's lifecycle is fixed when it starts; {@link BedrockRuntimeEmulator#complete(String)} and
 * {@link BedrockRuntimeEmulator#fail(String, String)} end one early.
 */
public sealed interface Lifecycle permits Lifecycle.Completes, Lifecycle.Fails, Lifecycle.RunsUntilEnded,
        Lifecycle.Split {

    /**
     * {@code Completed} this long after submission.
     *
     * @param after zero or more
     * @return the lifecycle
     * @throws IllegalArgumentException if {@code after} is negative
     */
    static Lifecycle completesAfter(Duration after) {
        return new Completes(after);
    }

    /**
     * {@code Failed}, with this failure message, this long after submission.
     *
     * @param after zero or more
     * @param failureMessage the {@code failureMessage} the invocation then carries
     * @return the lifecycle
     * @throws IllegalArgumentException if {@code after} is negative or {@code failureMessage} is empty
     */
    static Lifecycle failsAfter(Duration after, String failureMessage) {
        return new Fails(after, failureMessage);
    }

    /**
     * {@code InProgress} until the test ends it with {@link BedrockRuntimeEmulator#complete(String)} or
     * {@link BedrockRuntimeEmulator#fail(String, String)}.
     *
     * @return the lifecycle
     */
    static Lifecycle runsUntilEnded() {
        return new RunsUntilEnded();
    }

    /**
     * {@code some} for a fraction of the invocations and {@code rest} for the others. Which ones is decided by
     * each invocation's ID, so the same invocations take the same path on every run.
     *
     * @param fraction 0 to 1, the share that follows {@code some}
     * @param some the lifecycle of that share
     * @param rest the lifecycle of the others
     * @return the lifecycle
     * @throws IllegalArgumentException if {@code fraction} is not between 0 and 1
     */
    static Lifecycle split(double fraction, Lifecycle some, Lifecycle rest) {
        return new Split(fraction, some, rest);
    }

    /**
     * Ends {@code Completed} after a fixed time.
     *
     * @param after how long after submission
     */
    record Completes(Duration after) implements Lifecycle {
        /**
         * Validates the duration.
         *
         * @param after how long after submission, zero or more
         */
        public Completes {
            checkDuration(after);
        }
    }

    /**
     * Ends {@code Failed} after a fixed time.
     *
     * @param after how long after submission
     * @param failureMessage the failure message
     */
    record Fails(Duration after, String failureMessage) implements Lifecycle {
        /**
         * Validates the duration and the message.
         *
         * @param after how long after submission, zero or more
         * @param failureMessage the failure message, not empty
         */
        public Fails {
            checkDuration(after);
            Objects.requireNonNull(failureMessage, "failureMessage");
            if (failureMessage.isEmpty()) {
                throw new IllegalArgumentException("failureMessage must not be empty");
            }
        }

        /** Leaves the message out: the service marks it sensitive. */
        @Override
        public String toString() {
            return "Fails[after=" + after + ", failureMessage=***]";
        }
    }

    /** Stays {@code InProgress} until the test ends it. */
    record RunsUntilEnded() implements Lifecycle {
    }

    /**
     * One lifecycle for a fraction of the invocations, another for the rest.
     *
     * @param fraction the share that follows {@code some}
     * @param some the lifecycle of that share
     * @param rest the lifecycle of the others
     */
    record Split(double fraction, Lifecycle some, Lifecycle rest) implements Lifecycle {
        /**
         * Validates the fraction and that neither lifecycle is {@code null}.
         *
         * @param fraction 0 to 1
         * @param some the lifecycle of that share
         * @param rest the lifecycle of the others
         */
        public Split {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be 0 to 1: " + fraction);
            }
            Objects.requireNonNull(some, "some");
            Objects.requireNonNull(rest, "rest");
        }
    }

    private static void checkDuration(Duration after) {
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("after must not be negative: " + after);
        }
    }
}
