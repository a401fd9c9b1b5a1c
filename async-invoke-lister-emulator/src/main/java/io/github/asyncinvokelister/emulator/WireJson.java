package io.github.asyncinvokelister.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Response bodies in the service's JSON, written with jackson-core: member names and formats as the service's. */
final class WireJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** The service's timestamps: UTC with milliseconds, such as {@code 2025-03-04T05:06:07.123Z}. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {
    }

    /** A {@code ListAsyncInvokes} response. */
    static byte[] page(List<Invocation> items, Optional<String> nextToken) {
        return write(128 + 600 * items.size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("asyncInvokeSummaries");
            for (Invocation item : items) {
                summary(item, json);
            }
            json.writeEndArray();
            if (nextToken.isPresent()) {
                json.writeStringField("nextToken", nextToken.get());
            }
            json.writeEndObject();
        });
    }

    /** A {@code StartAsyncInvoke} response. */
    static byte[] started(String invocationArn) {
        return write(128, json -> {
            json.writeStartObject();
            json.writeStringField("invocationArn", invocationArn);
            json.writeEndObject();
        });
    }

    /** A summary as an object; {@code GetAsyncInvoke}'s response is the same object at the top level. */
    static byte[] summary(Invocation item) {
        return write(700, json -> summary(item, json));
    }

    /** An error body, {@code {"message": ...}}, as the service sends with an {@code x-amzn-ErrorType} header. */
    static byte[] error(String message) {
        return write(64 + message.length(), json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private static void summary(Invocation item, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("invocationArn", item.invocationArn());
        json.writeStringField("modelArn", item.modelArn());
        optional(json, "clientRequestToken", item.clientRequestToken());
        optional(json, "status", item.status());
        optional(json, "failureMessage", item.failureMessage());
        json.writeStringField("submitTime", timestamp(item.submitTime()));
        optional(json, "lastModifiedTime", item.lastModifiedTime().map(WireJson::timestamp));
        optional(json, "endTime", item.endTime().map(WireJson::timestamp));
        json.writeObjectFieldStart("outputDataConfig");
        Invocation.Output output = item.outputDataConfig();
        if (output instanceof Invocation.S3Output s3) {
            json.writeObjectFieldStart("s3OutputDataConfig");
            json.writeStringField("s3Uri", s3.s3Uri());
            optional(json, "kmsKeyId", s3.kmsKeyId());
            optional(json, "bucketOwner", s3.bucketOwner());
            json.writeEndObject();
        } else if (output instanceof Invocation.OtherOutput other) {
            // A member a newer service might send; nested values make clients skip more than a flat string.
            json.writeObjectFieldStart(other.memberName());
            json.writeStringField("uri", "gs://emulator-output/async-invoke");
            json.writeObjectFieldStart("options");
            json.writeBooleanField("compress", true);
            json.writeNumberField("shards", 2);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Milliseconds as the service writes them; finer instants keep every digit rather than lose precision. */
    static String timestamp(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                ? MILLIS.format(instant)
                : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(int sizeHint, Body body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(sizeHint)) {
            try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
                body.write(json);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
