package io.github.asyncinvokelister;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an invocation writes its output: the service's {@code AsyncInvokeOutputDataConfig} tagged union.
 *
 * <p>The cases are:
 * <ul>
 *   <li>{@link S3}: the {@code s3OutputDataConfig} member, the only one the service defines today;</li>
 *   <li>{@link Unknown}: a member this version does not know, with its name as the service sent it (boto3 shows
 *       the same case as {@code {'SDK_UNKNOWN_MEMBER': {'name': ...}}}; the AWS SDK for Java drops the name).</li>
 * </ul>
 * Switch over it with a pattern, keeping a branch for {@code Unknown}:
 * <pre>{@code
 * String where = switch (summary.outputDataConfig()) {
 *     case OutputDataConfig.S3 s3 -> s3.s3Uri();
 *     case OutputDataConfig.Unknown unknown -> "unsupported output " + unknown.memberName();
 * };
 * }</pre>
 * (Pattern matching in {@code switch} needs Java 21; on Java 17 use {@code instanceof}.)
 */
public sealed interface OutputDataConfig {

    /**
     * Output written to Amazon S3.
     *
     * @param s3Uri the output location, starting with {@code s3://}
     * @param kmsKeyId the KMS key that encrypts the output, if any
     * @param bucketOwner the account that owns the bucket, if it is not the caller's
     */
    record S3(String s3Uri, Optional<String> kmsKeyId, Optional<String> bucketOwner) implements OutputDataConfig {
        /**
         * Validates that no component is {@code null}.
         *
         * @param s3Uri the output location, starting with {@code s3://}
         * @param kmsKeyId the KMS key that encrypts the output, if any
         * @param bucketOwner the account that owns the bucket, if it is not the caller's
         */
        public S3 {
            Objects.requireNonNull(s3Uri, "s3Uri");
            Objects.requireNonNull(kmsKeyId, "kmsKeyId");
            Objects.requireNonNull(bucketOwner, "bucketOwner");
        }

        /**
         * An S3 output with neither a KMS key nor a bucket owner.
         *
         * @param s3Uri the output location
         * @return the config
         */
        public static S3 of(String s3Uri) {
            return new S3(s3Uri, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A union member this version does not know.
     *
     * @param memberName the member's name as it appeared in the response, such as {@code "gcsOutputDataConfig"}
     */
    record Unknown(String memberName) implements OutputDataConfig {
        /**
         * Validates that no component is {@code null}.
         *
         * @param memberName the member's name as it appeared in the response, such as {@code "gcsOutputDataConfig"}
         */
        public Unknown {
            Objects.requireNonNull(memberName, "memberName");
        }
    }
}
