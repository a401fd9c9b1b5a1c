package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Three invocations that exercise the output's corners: every field, escapes, non-ASCII and a non-BMP character in
 * a failure message; absent fields and a microsecond timestamp; a status and an output member this version does
 * not know. The golden files under {@code src/test/resources/cli} are what AWS CLI 1.45.11 printed for them, served
 * by the emulator.
 */
final class Crafted {
    static final List<AsyncInvokeSummary> INVOCATIONS = List.of(
            new AsyncInvokeSummary("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa1",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:0", Optional.of("token-1"),
                    Optional.of("Failed"),
                    Optional.of("Bucket in eu-west-1 \u2014 \"quoted\", back\\slash,\nnew line\ttab \u0001 del\u007f"
                            + " emoji \uD83D\uDE00 caf\u00e9"),
                    Instant.parse("2025-01-06T10:00:00Z"), Optional.of(Instant.parse("2025-01-06T10:05:00.5Z")),
                    Optional.of(Instant.parse("2025-01-06T10:05:00.5Z")),
                    new OutputDataConfig.S3("s3://bucket/out", Optional.of("arn:aws:kms:us-east-1:123456789012:key/k"),
                            Optional.of("444455556666"))),
            new AsyncInvokeSummary("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa2",
                    "arn:aws:bedrock:us-east-1::foundation-model/luma.ray-v2:0", Optional.empty(),
                    Optional.of("InProgress"), Optional.empty(),
                    Instant.parse("2025-01-07T11:12:13.123456Z"), Optional.empty(), Optional.empty(),
                    OutputDataConfig.S3.of("s3://bucket/in-progress")),
            new AsyncInvokeSummary("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa3",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:1", Optional.of("token-3"),
                    Optional.of("Cancelled"), Optional.empty(),
                    Instant.parse("2025-01-08T00:00:00.001Z"), Optional.of(Instant.parse("2025-01-08T00:01:00Z")),
                    Optional.of(Instant.parse("2025-01-08T00:01:00Z")),
                    new OutputDataConfig.Unknown("gcsOutputDataConfig")));

    private Crafted() {
    }
}
