package io.github.asyncinvokelister.emulator;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import io.github.asyncinvokelister.internal.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Response bodies in the service's JSON, written by hand: member names and formats as the service sends them. */
final class WireJson {
    /** The service's timestamps: UTC with milliseconds, such as {@code 2025-03-04T05:06:07.123Z}. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {
    }

    static String page(List<AsyncInvokeSummary> items, Optional<String> nextToken) {
        StringBuilder out = new StringBuilder(128 + 700 * items.size());
        out.append("{\"asyncInvokeSummaries\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            summary(items.get(i), out);
        }
        out.append(']');
        nextToken.ifPresent(token -> Json.quote(token, out.append(",\"nextToken\":")));
        return out.append('}').toString();
    }

    /** A summary as an object; {@code GetAsyncInvoke}'s response is the same object at the top level. */
    static String summary(AsyncInvokeSummary item) {
        return summary(item, new StringBuilder(700)).toString();
    }

    static String error(String message) {
        return Json.quote(message, new StringBuilder("{\"message\":")).append('}').toString();
    }

    private static StringBuilder summary(AsyncInvokeSummary item, StringBuilder out) {
        out.append('{');
        string("invocationArn", item.invocationArn(), out);
        string("modelArn", item.modelArn(), out.append(','));
        item.clientRequestToken().ifPresent(token -> string("clientRequestToken", token, out.append(',')));
        item.statusValue().ifPresent(status -> string("status", status, out.append(',')));
        item.failureMessage().ifPresent(message -> string("failureMessage", message, out.append(',')));
        string("submitTime", timestamp(item.submitTime()), out.append(','));
        item.lastModifiedTime().ifPresent(time -> string("lastModifiedTime", timestamp(time), out.append(',')));
        item.endTime().ifPresent(time -> string("endTime", timestamp(time), out.append(',')));
        out.append(",\"outputDataConfig\":");
        OutputDataConfig config = item.outputDataConfig();
        if (config instanceof OutputDataConfig.S3 s3) {
            out.append("{\"s3OutputDataConfig\":{");
            string("s3Uri", s3.s3Uri(), out);
            s3.kmsKeyId().ifPresent(key -> string("kmsKeyId", key, out.append(',')));
            s3.bucketOwner().ifPresent(owner -> string("bucketOwner", owner, out.append(',')));
            out.append("}}");
        } else if (config instanceof OutputDataConfig.Unknown unknown) {
            // A member a newer service might send; nested values make clients skip more than a flat string.
            Json.quote(unknown.memberName(), out.append('{'))
                    .append(":{\"uri\":\"gs://emulator-output/async-invoke\",\"options\":{\"compress\":true,"
                            + "\"shards\":2}}}");
        }
        return out.append('}');
    }

    /** Milliseconds as the service writes them; finer instants keep every digit rather than lose precision. */
    static String timestamp(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                ? MILLIS.format(instant)
                : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void string(String name, String value, StringBuilder out) {
        out.append('"').append(name).append("\":");
        Json.quote(value, out);
    }
}
