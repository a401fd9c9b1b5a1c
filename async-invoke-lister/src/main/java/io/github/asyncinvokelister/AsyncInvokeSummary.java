package io.github.asyncinvokelister;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One asynchronous invocation as {@code ListAsyncInvokes} returns it.
 *
 * <p>{@link #failureMessage()} is marked sensitive by the service: {@link #toString()} redacts it, and this
 * library never logs it.
 *
 * @param invocationArn the invocation's ARN
 * @param modelArn the invoked model's ARN
 * @param clientRequestToken the invocation's idempotency token, if it had one
 * @param statusValue the status exactly as the service sent it, if it sent one; {@link #status()} is what it means
 * @param failureMessage the error message of a failed invocation (sensitive)
 * @param submitTime when the invocation was submitted
 * @param lastModifiedTime when the invocation was last modified
 * @param endTime when the invocation ended
 * @param outputDataConfig where the invocation writes its output
 */
public record AsyncInvokeSummary(
        String invocationArn,
        String modelArn,
        Optional<String> clientRequestToken,
        Optional<String> statusValue,
        Optional<String> failureMessage,
        Instant submitTime,
        Optional<Instant> lastModifiedTime,
        Optional<Instant> endTime,
        OutputDataConfig outputDataConfig) {
    /**
     * Validates the components.
     *
     * @param invocationArn the invocation's ARN
     * @param modelArn the invoked model's ARN
     * @param clientRequestToken the invocation's idempotency token, if it had one
     * @param statusValue the status exactly as the service sent it, if it sent one
     * @param failureMessage the error message of a failed invocation (sensitive)
     * @param submitTime when the invocation was submitted
     * @param lastModifiedTime when the invocation was last modified
     * @param endTime when the invocation ended
     * @param outputDataConfig where the invocation writes its output
     * @throws NullPointerException if a component is {@code null}
     */
    public AsyncInvokeSummary {
        Objects.requireNonNull(invocationArn, "invocationArn");
        Objects.requireNonNull(modelArn, "modelArn");
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        Objects.requireNonNull(statusValue, "statusValue");
        Objects.requireNonNull(failureMessage, "failureMessage");
        Objects.requireNonNull(submitTime, "submitTime");
        Objects.requireNonNull(lastModifiedTime, "lastModifiedTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(outputDataConfig, "outputDataConfig");
    }

    /**
     * A summary with a status given as an {@link InvocationStatus}: its wire value becomes {@link #statusValue()},
     * and {@link InvocationStatus#UNKNOWN} leaves it empty.
     *
     * @param invocationArn the invocation's ARN
     * @param modelArn the invoked model's ARN
     * @param clientRequestToken the invocation's idempotency token, if it had one
     * @param status the invocation's status
     * @param failureMessage the error message of a failed invocation (sensitive)
     * @param submitTime when the invocation was submitted
     * @param lastModifiedTime when the invocation was last modified
     * @param endTime when the invocation ended
     * @param outputDataConfig where the invocation writes its output
     * @throws NullPointerException if an argument is {@code null}
     */
    public AsyncInvokeSummary(String invocationArn, String modelArn, Optional<String> clientRequestToken,
            InvocationStatus status, Optional<String> failureMessage, Instant submitTime,
            Optional<Instant> lastModifiedTime, Optional<Instant> endTime, OutputDataConfig outputDataConfig) {
        this(invocationArn, modelArn, clientRequestToken,
                Optional.ofNullable(Objects.requireNonNull(status, "status").toString()), failureMessage, submitTime,
                lastModifiedTime, endTime, outputDataConfig);
    }

    /**
     * The invocation's status, read from {@link #statusValue()} on each call, as the AWS SDK's {@code status()}
     * reads {@code statusAsString()}.
     *
     * @return the status; {@link InvocationStatus#UNKNOWN} when the service sent a value this version does not
     *     know, or none
     */
    public InvocationStatus status() {
        return statusValue.isPresent() ? InvocationStatus.fromValue(statusValue.get()) : InvocationStatus.UNKNOWN;
    }

    /** Redacts {@link #failureMessage()}, which the service marks sensitive. */
    @Override
    public String toString() {
        return "AsyncInvokeSummary[invocationArn=" + invocationArn
                + ", modelArn=" + modelArn
                + ", clientRequestToken=" + clientRequestToken
                + ", status=" + status().name()
                + ", statusValue=" + statusValue
                + ", failureMessage=" + failureMessage.map(m -> "*** Sensitive Data Redacted ***")
                + ", submitTime=" + submitTime
                + ", lastModifiedTime=" + lastModifiedTime
                + ", endTime=" + endTime
                + ", outputDataConfig=" + outputDataConfig + "]";
    }
}
