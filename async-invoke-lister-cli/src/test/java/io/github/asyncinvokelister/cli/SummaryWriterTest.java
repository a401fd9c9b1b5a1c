package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    private static final List<AsyncInvokeSummary> CRAFTED = Crafted.summaries();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private SummaryWriter writer(OutputFormat format) {
        return format.writer(new PrintWriter(out), new PrintWriter(err), false);
    }

    @Test
    void jsonOfAnEmptyListingIsAnEmptyArrayAsTheAwsCliPrintsIt() {
        SummaryWriter json = writer(OutputFormat.JSON);
        json.page(List.of());
        json.end(Optional.empty());
        assertThat(out).hasToString("{\n    \"asyncInvokeSummaries\": []\n}\n");
    }

    @Test
    void jsonWritesNothingUntilTheFirstPageSoAFailedFirstRequestPrintsNothing() {
        SummaryWriter json = writer(OutputFormat.JSON);
        json.abort(Optional.of("token"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonAbortClosesTheDocumentWithTheTokenThatResumesAfterIt() {
        SummaryWriter json = writer(OutputFormat.JSON);
        json.page(CRAFTED.subList(1, 2));
        json.abort(Optional.of("resume-here"));
        assertThat(out.toString()).startsWith("{\n    \"asyncInvokeSummaries\": [\n        {\n")
                .endsWith("        }\n    ],\n    \"NextToken\": \"resume-here\"\n}\n");
    }

    @Test
    void eachPageIsOneWriteAndOneFlush() {
        List<String> flushed = new ArrayList<>();
        Writer watching = new FlushWatchingWriter(flushed::add);
        SummaryWriter json = OutputFormat.JSON.writer(new PrintWriter(watching), new PrintWriter(err), false);
        json.page(CRAFTED.subList(0, 2));
        json.page(CRAFTED.subList(2, 3));
        json.end(Optional.empty());
        assertThat(flushed).hasSize(3);
        assertThat(flushed.get(0)).contains("aaaaaaaaaaa2").doesNotContain("aaaaaaaaaaa3");
        assertThat(flushed.get(1)).contains("aaaaaaaaaaa3").doesNotEndWith("}\n");
        assertThat(flushed.get(2)).endsWith("    ]\n}\n");
    }

    @Test
    void ndjsonIsOneCompactSummaryALineAndTheTokenGoesToStandardError() {
        SummaryWriter ndjson = writer(OutputFormat.NDJSON);
        ndjson.page(CRAFTED);
        ndjson.end(Optional.of("next"));
        assertThat(out.toString().lines()).hasSize(3).allMatch(line -> line.startsWith("{\"invocationArn\":"));
        assertThat(out.toString()).contains("\"failureMessage\":\"Bucket in eu-west-1 \u2014 \\\"quoted\\\"");
        assertThat(err).hasToString("NextToken: next" + System.lineSeparator());
    }

    @Test
    void csvFollowsRfc4180() {
        SummaryWriter csv = writer(OutputFormat.CSV);
        csv.page(CRAFTED);
        csv.end(Optional.empty());
        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("invocationArn,modelArn,clientRequestToken,status,failureMessage,submitTime,"
                + "lastModifiedTime,endTime,outputDataConfig,s3Uri,kmsKeyId,bucketOwner");
        assertThat(out.toString()).contains(",Failed,\"Bucket in eu-west-1 \u2014 \"\"quoted\"\", back\\slash,\nnew line"
                + "\ttab \u0001 del\u007f emoji \uD83D\uDE00 caf\u00e9\",2025-01-06T10:00:00.000Z,")
                .contains(",s3OutputDataConfig,s3://bucket/out,arn:aws:kms:us-east-1:123456789012:key/k,444455556666\r\n")
                .contains("async-invoke/aaaaaaaaaaa2,arn:aws:bedrock:us-east-1::foundation-model/luma.ray-v2:0,,InProgress,,"
                        + "2025-01-07T11:12:13.123456Z,,,s3OutputDataConfig,s3://bucket/in-progress,,\r\n")
                .endsWith(",Cancelled,,2025-01-08T00:00:00.001Z,2025-01-08T00:01:00.000Z,2025-01-08T00:01:00.000Z,"
                        + "gcsOutputDataConfig,,,\r\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tableAlignsFixedColumnsAndLeavesTheSensitiveFailureMessageOut() {
        SummaryWriter table = writer(OutputFormat.TABLE);
        table.page(CRAFTED);
        table.end(Optional.of("next"));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("SUBMIT TIME               STATUS       MODEL ");
        int arnColumn = lines.get(0).indexOf("INVOCATION ARN");
        assertThat(List.of(lines.get(1), lines.get(3)))
                .allMatch(line -> line.indexOf("arn:aws:bedrock:us-east-1:123456789012") == arnColumn);
        // A microsecond timestamp is wider than its column: it pushes its row along, whole.
        assertThat(lines.get(2)).startsWith("2025-01-07T11:12:13.123456Z  InProgress ");
        assertThat(lines.get(1)).contains("2025-01-06T10:00:00.000Z  Failed       amazon.nova-reel-v1:0 ")
                .doesNotContain("Bucket");
        assertThat(lines.get(3)).contains("Cancelled").endsWith("(gcsOutputDataConfig)");
        assertThat(lines.get(4)).isEqualTo("NextToken: next");
    }
}
