package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.SortOrder;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Invocation;
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
    static final List<Invocation> INVOCATIONS = List.of(
            new Invocation("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa1",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:0", Optional.of("token-1"),
                    Optional.of("Failed"),
                    Optional.of("Bucket in eu-west-1 \u2014 \"quoted\", back\\slash,\nnew line\ttab \u0001 del\u007f"
                            + " emoji \uD83D\uDE00 caf\u00e9"),
                    Instant.parse("2025-01-06T10:00:00Z"), Optional.of(Instant.parse("2025-01-06T10:05:00.5Z")),
                    Optional.of(Instant.parse("2025-01-06T10:05:00.5Z")),
                    new Invocation.S3Output("s3://bucket/out", Optional.of("arn:aws:kms:us-east-1:123456789012:key/k"),
                            Optional.of("444455556666"))),
            new Invocation("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa2",
                    "arn:aws:bedrock:us-east-1::foundation-model/luma.ray-v2:0", Optional.empty(),
                    Optional.of("InProgress"), Optional.empty(),
                    Instant.parse("2025-01-07T11:12:13.123456Z"), Optional.empty(), Optional.empty(),
                    Invocation.S3Output.of("s3://bucket/in-progress")),
            new Invocation("arn:aws:bedrock:us-east-1:123456789012:async-invoke/aaaaaaaaaaa3",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:1", Optional.of("token-3"),
                    Optional.of("Cancelled"), Optional.empty(),
                    Instant.parse("2025-01-08T00:00:00.001Z"), Optional.of(Instant.parse("2025-01-08T00:01:00Z")),
                    Optional.of(Instant.parse("2025-01-08T00:01:00Z")),
                    new Invocation.OtherOutput("gcsOutputDataConfig")));

    private Crafted() {
    }

    /** The three as the lister reads them from an emulator that serves them, oldest first. */
    static List<AsyncInvokeSummary> summaries() {
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().invocations(INVOCATIONS).start()) {
            return AsyncInvokeLister.create(emulator.client()).stream(ListAsyncInvokesQuery.builder()
                    .sortOrder(SortOrder.ASCENDING).build()).toList();
        }
    }
}
