package io.github.asyncinvokelister.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invocation started through {@code StartAsyncInvoke}. Its state is a function of the clock: {@link #at(Instant)}
 * says what it is at a given time, so a listing sees every item as of one instant and nothing has to tick.
 */
final class Job {
    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";
    static final String FAILED = "Failed";

    /** The order it started in: its tie-break among invocations submitted in the same millisecond. */
    final long sequence;
    final String invocationArn;
    final String modelId;
    final Instant submitTime;
    /** The number of the base dataset's items that sort before it; fixed, as the base never changes. */
    final int basePosition;
    private final String modelArn;
    private final Optional<String> clientRequestToken;
    private final Invocation.S3Output output;
    private final Fate fate;
    /** Set when the test ends it early. */
    private volatile Ending ended;

    /** What its lifecycle decided when it started: when it ends, if on its own, and how. */
    record Fate(Optional<Duration> after, String status, Optional<String> failureMessage) {
        /** The fate {@code lifecycle} gives the invocation with this ID. */
        static Fate of(Lifecycle lifecycle, String invocationId) {
            long draw = 0;
            for (int i = 0; i < invocationId.length(); i++) {
                draw = SplitMix.mix(draw, invocationId.charAt(i));
            }
            return of(lifecycle, draw);
        }

        private static Fate of(Lifecycle lifecycle, long draw) {
            if (lifecycle instanceof Lifecycle.Completes completes) {
                return new Fate(Optional.of(completes.after()), COMPLETED, Optional.empty());
            } else if (lifecycle instanceof Lifecycle.Fails fails) {
                return new Fate(Optional.of(fails.after()), FAILED, Optional.of(fails.failureMessage()));
            } else if (lifecycle instanceof Lifecycle.Split split) {
                // The top 53 bits as a fraction in [0, 1); a nested split draws again, so it is not correlated.
                boolean some = (draw >>> 11) * 0x1.0p-53 < split.fraction();
                return of(some ? split.some() : split.rest(), SplitMix.mix(draw));
            }
            return new Fate(Optional.empty(), IN_PROGRESS, Optional.empty());
        }
    }

    private record Ending(String status, Optional<String> failureMessage, Instant endTime) {
    }

    Job(long sequence, String invocationId, String modelId, StartRequest request, Instant submitTime,
            int basePosition, Fate fate) {
        this.sequence = sequence;
        this.invocationArn = GeneratedInvocations.ARN_PREFIX + invocationId;
        this.modelId = modelId;
        this.submitTime = submitTime;
        this.basePosition = basePosition;
        // A model ID may be an ARN already (a provisioned or imported model, an inference profile).
        this.modelArn = modelId.startsWith("arn:") ? modelId
                : "arn:aws:bedrock:" + GeneratedInvocations.REGION + "::foundation-model/" + modelId;
        this.clientRequestToken = request.clientRequestToken();
        // The service writes each invocation's output under a folder named by its ID, and reports that folder.
        Invocation.S3Output given = request.output();
        this.output = new Invocation.S3Output(given.s3Uri().replaceAll("/+$", "") + "/" + invocationId,
                given.kmsKeyId(), given.bucketOwner());
        this.fate = Objects.requireNonNull(fate, "fate");
    }

    /** The invocation as it stands at {@code now}. */
    Invocation at(Instant now) {
        Ending ending = ending(now);
        Invocation.Builder invocation = Invocation.builder()
                .invocationArn(invocationArn)
                .modelArn(modelArn)
                .clientRequestToken(clientRequestToken.orElse(null))
                .submitTime(submitTime)
                .outputDataConfig(output);
        if (ending == null) {
            return invocation.status(IN_PROGRESS).lastModifiedTime(submitTime).build();
        }
        return invocation.status(ending.status())
                .failureMessage(ending.failureMessage().orElse(null))
                .lastModifiedTime(ending.endTime())
                .endTime(ending.endTime())
                .build();
    }

    boolean inProgress(Instant now) {
        return ending(now) == null;
    }

    /**
     * Ends it now, as the test asks.
     *
     * @throws IllegalStateException if it has ended already
     */
    synchronized void end(String status, Optional<String> failureMessage, Instant now) {
        Ending ending = ending(now);
        if (ending != null) {
            throw new IllegalStateException("invocation " + invocationArn + " has already ended: "
                    + ending.status() + " at " + ending.endTime());
        }
        // Never before it started, even if the clock was set back.
        ended = new Ending(status, failureMessage, now.isBefore(submitTime) ? submitTime : now);
    }

    /** How it ended by {@code now}; {@code null} if it is still in progress. */
    private Ending ending(Instant now) {
        Ending early = ended;
        if (early != null) {
            return early;
        }
        // Compared rather than added, so a lifecycle of a thousand years does not overflow the instant.
        if (fate.after().isPresent() && Duration.between(submitTime, now).compareTo(fate.after().get()) >= 0) {
            return new Ending(fate.status(), fate.failureMessage(), submitTime.plus(fate.after().get()));
        }
        return null;
    }
}
