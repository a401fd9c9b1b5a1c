package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsCliJsonTest {

    private static String quote(String value) {
        return AwsCliJson.quote(value, new StringBuilder()).toString();
    }

    @Test
    void quotesAsPythonJsonDumpsWithEnsureAsciiFalse() {
        assertThat(quote("caf\u00e9 \u2014 \uD83D\uDE00")).isEqualTo("\"caf\u00e9 \u2014 \uD83D\uDE00\"");
        assertThat(quote("\"a\\b\"\n\r\t\b\f")).isEqualTo("\"\\\"a\\\\b\\\"\\n\\r\\t\\b\\f\"");
        assertThat(quote("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\u007f\"");
        assertThat(quote("/<>&'")).isEqualTo("\"/<>&'\"");
    }

    @Test
    void indentsFourSpacesAsTheAwsCli() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", "1");
        value.put("empty", Map.of());
        value.put("list", List.of(Map.of("b", "2"), "3"));
        value.put("none", List.of());
        assertThat(AwsCliJson.indented(value, 0, new StringBuilder()).toString()).isEqualTo("""
                {
                    "a": "1",
                    "empty": {},
                    "list": [
                        {
                            "b": "2"
                        },
                        "3"
                    ],
                    "none": []
                }""");
        assertThat(AwsCliJson.compact(value, new StringBuilder()).toString())
                .isEqualTo("{\"a\":\"1\",\"empty\":{},\"list\":[{\"b\":\"2\"},\"3\"],\"none\":[]}");
    }

    @Test
    void ordersMembersAsTheModelAndLeavesAbsentOnesOut() {
        AsyncInvokeSummary minimal = new AsyncInvokeSummary("arn:i", "arn:m", Optional.empty(),
                Optional.empty(), Optional.empty(), Instant.parse("2025-01-01T00:00:00Z"),
                Optional.empty(), Optional.empty(), OutputDataConfig.S3.of("s3://b/k"));
        assertThat(AwsCliJson.compact(AwsCliJson.summary(minimal), new StringBuilder()).toString()).isEqualTo(
                "{\"invocationArn\":\"arn:i\",\"modelArn\":\"arn:m\",\"submitTime\":\"2025-01-01T00:00:00.000Z\","
                        + "\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://b/k\"}}}");
    }

    @Test
    void writesAnUnknownUnionMemberAsBotocoreDoes() {
        AsyncInvokeSummary unknown = new AsyncInvokeSummary("arn:i", "arn:m", Optional.of("t"),
                Optional.of("Cancelled"), Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z"), Optional.empty(), Optional.empty(),
                new OutputDataConfig.Unknown("gcsOutputDataConfig"));
        assertThat(AwsCliJson.summary(unknown))
                .containsEntry("status", "Cancelled")
                .containsEntry("outputDataConfig", Map.of("SDK_UNKNOWN_MEMBER", Map.of("name", "gcsOutputDataConfig")));
        AsyncInvokeSummary empty = new AsyncInvokeSummary("arn:i", "arn:m", Optional.empty(),
                Optional.empty(), Optional.empty(), Instant.parse("2025-01-01T00:00:00Z"),
                Optional.empty(), Optional.empty(), new OutputDataConfig.Unknown(""));
        assertThat(AwsCliJson.summary(empty)).containsEntry("outputDataConfig", Map.of());
    }
}
