package io.github.asyncinvokelister.emulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One asynchronous invocation as the emulator serves it: the members of the service's {@code AsyncInvokeSummary}, in
 * their wire form where the wire has a choice (the status is the string the service sends, so a test can serve a
 * status no client knows yet). {@code GetAsyncInvoke} serves the same members.
 *
 * <pre>{@code
 * Invocation failed = Invocation.builder()
 *     .invocationArn("arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl")
 *     .modelArn("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:0")
 *     .status("Failed")
 *     .failureMessage("Internal server error.")
 *     .submitTime(Instant.parse("2025-03-01T12:00:00Z"))
 *     .outputDataConfig(Invocation.S3Output.of("s3://my-bucket/videos/abcdefghijkl"))
 *     .build();
 * }</pre>
 *
 * @param invocationArn the invocation's ARN
 * @param modelArn the invoked model's ARN
 * @param clientRequestToken the idempotency token it was started with, if any
 * @param status the status as the wire has it ({@code InProgress}, {@code Completed}, {@code Failed}, or any other
 *     string), if any
 * @param failureMessage why it failed, if it did
 * @param submitTime when it was submitted
 * @param lastModifiedTime when it last changed, if known
 * @param endTime when it ended, if it did
 * @param outputDataConfig where its output goes
 */
public record Invocation(
        String invocationArn,
        String modelArn,
        Optional<String> clientRequestToken,
        Optional<String> status,
        Optional<String> failureMessage,
        Instant submitTime,
        Optional<Instant> lastModifiedTime,
        Optional<Instant> endTime,
        Output outputDataConfig) {

    /**
     * Validates that no component is {@code null}.
     *
     * @param invocationArn the invocation's ARN
     * @param modelArn the invoked model's ARN
     * @param clientRequestToken the idempotency token it was started with, if any
     * @param status the status as the wire has it, if any
     * @param failureMessage why it failed, if it did
     * @param submitTime when it was submitted
     * @param lastModifiedTime when it last changed, if known
     * @param endTime when it ended, if it did
     * @param outputDataConfig where its output goes
     * @throws NullPointerException if a component is {@code null}
     */
    public Invocation {
        Objects.requireNonNull(invocationArn, "invocationArn");
        Objects.requireNonNull(modelArn, "modelArn");
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureMessage, "failureMessage");
        Objects.requireNonNull(submitTime, "submitTime");
        Objects.requireNonNull(lastModifiedTime, "lastModifiedTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(outputDataConfig, "outputDataConfig");
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this invocation's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.invocationArn = invocationArn;
        builder.modelArn = modelArn;
        builder.clientRequestToken = clientRequestToken.orElse(null);
        builder.status = status.orElse(null);
        builder.failureMessage = failureMessage.orElse(null);
        builder.submitTime = submitTime;
        builder.lastModifiedTime = lastModifiedTime.orElse(null);
        builder.endTime = endTime.orElse(null);
        builder.outputDataConfig = outputDataConfig;
        return builder;
    }

    /**
     * The service's {@code AsyncInvokeOutputDataConfig} union. The cases are {@link S3Output}, the only member the
     * service defines, and {@link OtherOutput}, a member it does not, as a newer service might send.
     */
    public sealed interface Output permits S3Output, OtherOutput {
    }

    /**
     * The {@code s3OutputDataConfig} member.
     *
     * @param s3Uri where the output goes, starting with {@code s3://}
     * @param kmsKeyId the KMS key that encrypts it, if any
     * @param bucketOwner the account that owns the bucket, if not the caller's
     */
    public record S3Output(String s3Uri, Optional<String> kmsKeyId, Optional<String> bucketOwner) implements Output {
        /**
         * Validates that no component is {@code null}.
         *
         * @param s3Uri where the output goes
         * @param kmsKeyId the KMS key that encrypts it, if any
         * @param bucketOwner the account that owns the bucket, if not the caller's
         */
        public S3Output {
            Objects.requireNonNull(s3Uri, "s3Uri");
            Objects.requireNonNull(kmsKeyId, "kmsKeyId");
            Objects.requireNonNull(bucketOwner, "bucketOwner");
        }

        /**
         * An S3 output with neither a KMS key nor a bucket owner.
         *
         * @param s3Uri where the output goes
         * @return the member
         */
        public static S3Output of(String s3Uri) {
            return new S3Output(s3Uri, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A union member the service model does not define, served as {@code {"<memberName>": {...}}} with a nested
     * object the emulator makes up, so a client has to skip more than a string.
     *
     * @param memberName the member's name, such as {@code "gcsOutputDataConfig"}
     */
    public record OtherOutput(String memberName) implements Output {
        /**
         * Validates that the name is not {@code null}.
         *
         * @param memberName the member's name
         */
        public OtherOutput {
            Objects.requireNonNull(memberName, "memberName");
        }
    }

    /** Builds an {@link Invocation}. Each setter of an optional member takes {@code null} to clear it. */
    public static final class Builder {
        private String invocationArn;
        private String modelArn;
        private String clientRequestToken;
        private String status;
        private String failureMessage;
        private Instant submitTime;
        private Instant lastModifiedTime;
        private Instant endTime;
        private Output outputDataConfig;

        private Builder() {
        }

        /**
         * Sets the ARN.
         *
         * @param invocationArn the ARN
         * @return this builder
         */
        public Builder invocationArn(String invocationArn) {
            this.invocationArn = invocationArn;
            return this;
        }

        /**
         * Sets the model's ARN.
         *
         * @param modelArn the ARN
         * @return this builder
         */
        public Builder modelArn(String modelArn) {
            this.modelArn = modelArn;
            return this;
        }

        /**
         * Sets the idempotency token.
         *
         * @param clientRequestToken the token, or {@code null} for none
         * @return this builder
         */
        public Builder clientRequestToken(String clientRequestToken) {
            this.clientRequestToken = clientRequestToken;
            return this;
        }

        /**
         * Sets the status, as the wire has it.
         *
         * @param status such as {@code "InProgress"}, or {@code null} for none
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the failure message.
         *
         * @param failureMessage the message, or {@code null} for none
         * @return this builder
         */
        public Builder failureMessage(String failureMessage) {
            this.failureMessage = failureMessage;
            return this;
        }

        /**
         * Sets the submit time.
         *
         * @param submitTime the time
         * @return this builder
         */
        public Builder submitTime(Instant submitTime) {
            this.submitTime = submitTime;
            return this;
        }

        /**
         * Sets the last-modified time.
         *
         * @param lastModifiedTime the time, or {@code null} for none
         * @return this builder
         */
        public Builder lastModifiedTime(Instant lastModifiedTime) {
            this.lastModifiedTime = lastModifiedTime;
            return this;
        }

        /**
         * Sets the end time.
         *
         * @param endTime the time, or {@code null} for none
         * @return this builder
         */
        public Builder endTime(Instant endTime) {
            this.endTime = endTime;
            return this;
        }

        /**
         * Sets the output union.
         *
         * @param outputDataConfig the member
         * @return this builder
         */
        public Builder outputDataConfig(Output outputDataConfig) {
            this.outputDataConfig = outputDataConfig;
            return this;
        }

        /**
         * Builds the invocation.
         *
         * @return the invocation
         * @throws NullPointerException if the ARN, the model's ARN, the submit time or the output is not set
         */
        public Invocation build() {
            return new Invocation(invocationArn, modelArn, Optional.ofNullable(clientRequestToken),
                    Optional.ofNullable(status), Optional.ofNullable(failureMessage), submitTime,
                    Optional.ofNullable(lastModifiedTime), Optional.ofNullable(endTime), outputDataConfig);
        }
    }
}
