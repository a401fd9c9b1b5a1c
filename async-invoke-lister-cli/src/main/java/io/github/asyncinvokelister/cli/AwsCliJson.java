package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the AWS CLI writes it: Python's {@code json.dumps(value, indent=4, ensure_ascii=False)} over botocore's
 * parse of the response, so members come in the service model's order, absent ones are left out, and a union member
 * the model does not know is {@code {"SDK_UNKNOWN_MEMBER": {"name": ...}}}.
 *
 * <p>Strings are written as {@code ensure_ascii=False} does: the AWS CLI's output keeps non-ASCII characters as they
 * are, where botocore's tokens escape them.
 */
final class AwsCliJson {
    /** The AWS CLI's indent. */
    static final String INDENT = "    ";

    private AwsCliJson() {
    }

    /** A summary as botocore parses it, in the model's member order: {@code String} and nested {@code Map} values. */
    static Map<String, Object> summary(AsyncInvokeSummary item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("invocationArn", item.invocationArn());
        fields.put("modelArn", item.modelArn());
        item.clientRequestToken().ifPresent(token -> fields.put("clientRequestToken", token));
        item.statusValue().ifPresent(status -> fields.put("status", status));
        item.failureMessage().ifPresent(message -> fields.put("failureMessage", message));
        fields.put("submitTime", Timestamps.format(item.submitTime()));
        item.lastModifiedTime().ifPresent(time -> fields.put("lastModifiedTime", Timestamps.format(time)));
        item.endTime().ifPresent(time -> fields.put("endTime", Timestamps.format(time)));
        fields.put("outputDataConfig", outputDataConfig(item.outputDataConfig()));
        return fields;
    }

    private static Map<String, Object> outputDataConfig(OutputDataConfig config) {
        Map<String, Object> union = new LinkedHashMap<>();
        if (config instanceof OutputDataConfig.S3 s3) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("s3Uri", s3.s3Uri());
            s3.kmsKeyId().ifPresent(key -> member.put("kmsKeyId", key));
            s3.bucketOwner().ifPresent(owner -> member.put("bucketOwner", owner));
            union.put("s3OutputDataConfig", member);
        } else if (config instanceof OutputDataConfig.Unknown unknown && !unknown.memberName().isEmpty()) {
            // An empty name is a union with no member at all, which botocore refuses to parse; {} is the nearest.
            union.put("SDK_UNKNOWN_MEMBER", Map.of("name", unknown.memberName()));
        }
        return union;
    }

    /**
     * Writes {@code value} as {@code json.dumps} does with {@code indent=4}, its first line unindented and nested
     * lines indented from {@code level}.
     *
     * @param value a {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null} (what a
     *     {@code --query} may give), a {@code Map<String, ?>} or a {@code List<?>} of them
     */
    static StringBuilder indented(Object value, int level, StringBuilder out) {
        if (value instanceof String string) {
            return quote(string, out);
        }
        if (value == null) {
            return out.append("null");
        }
        if (value instanceof Boolean bool) {
            return out.append(bool ? "true" : "false");
        }
        if (value instanceof Double number) {
            // json.dumps writes floats as repr does, and NaN and infinities as these words.
            return out.append(number.isNaN() ? "NaN" : number.isInfinite() ? (number > 0 ? "Infinity" : "-Infinity")
                    : TextFormat.PythonFloat.repr(number));
        }
        if (value instanceof Number number) {
            return out.append(number);
        }
        boolean isMap = value instanceof Map;
        Iterable<?> entries = isMap ? ((Map<?, ?>) value).entrySet() : (List<?>) value;
        if (!entries.iterator().hasNext()) {
            return out.append(isMap ? "{}" : "[]");
        }
        out.append(isMap ? '{' : '[');
        String separator = "\n";
        for (Object entry : entries) {
            out.append(separator).append(INDENT.repeat(level + 1));
            if (entry instanceof Map.Entry<?, ?> field) {
                quote((String) field.getKey(), out).append(": ");
                indented(field.getValue(), level + 1, out);
            } else {
                indented(entry, level + 1, out);
            }
            separator = ",\n";
        }
        return out.append('\n').append(INDENT.repeat(level)).append(isMap ? '}' : ']');
    }

    /** Writes {@code value} on one line without spaces: {@code json.dumps(value, separators=(",", ":"))}. */
    static StringBuilder compact(Object value, StringBuilder out) {
        if (value instanceof String string) {
            return quote(string, out);
        }
        boolean isMap = value instanceof Map;
        Iterable<?> entries = isMap ? ((Map<?, ?>) value).entrySet() : (List<?>) value;
        out.append(isMap ? '{' : '[');
        boolean first = true;
        for (Object entry : entries) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (entry instanceof Map.Entry<?, ?> field) {
                quote((String) field.getKey(), out).append(':');
                compact(field.getValue(), out);
            } else {
                compact(entry, out);
            }
        }
        return out.append(isMap ? '}' : ']');
    }

    /**
     * A string literal byte for byte as {@code json.dumps(value, ensure_ascii=False)} writes it, as the AWS CLI prints,
     * so written by hand: {@code "} and {@code \} escaped, {@code \n \r \t \b \f} by name, other control
     * characters as a lower-case {@code \}{@code uXXXX} escape, and everything else, non-ASCII and DEL included, as it
     * is.
     */
    static StringBuilder quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        String hex = Integer.toHexString(c);
                        out.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
