package io.github.asyncinvokelister.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.utils.DateUtils;

/**
 * Reads a {@code ListAsyncInvokes} response body into this library's records with jackson-core's streaming parser,
 * in one pass, keeping what the AWS SDK drops: the name of a union member it does not know.
 *
 * <p>{@link #read} gives exactly what the SDK's parse, mapped to the records, would give, or nothing: it reads only a
 * body whose every member it understands the way the SDK does (strings as strings or {@code null}, timestamps as
 * ISO-8601 strings read by the SDK's own {@link DateUtils#parseIso8601Date}, each key once, every required member
 * there), and leaves anything else (a number where a string belongs, a duplicate key, invalid JSON) to the SDK.
 * {@link #unknownMemberNames} serves that fallback. A summary without a member the model requires fails the page
 * either way, with a {@link MalformedPageException} that names it.
 */
final class ListResponseJson {
    /** jackson-core's defaults, as the SDK's own parser has them. */
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String S3_MEMBER = "s3OutputDataConfig";

    // A bit for each member of a summary, to notice a duplicate key.
    private static final int INVOCATION_ARN = 1;
    private static final int MODEL_ARN = 1 << 1;
    private static final int CLIENT_REQUEST_TOKEN = 1 << 2;
    private static final int STATUS = 1 << 3;
    private static final int FAILURE_MESSAGE = 1 << 4;
    private static final int SUBMIT_TIME = 1 << 5;
    private static final int LAST_MODIFIED_TIME = 1 << 6;
    private static final int END_TIME = 1 << 7;
    private static final int OUTPUT_DATA_CONFIG = 1 << 8;

    private ListResponseJson() {
    }

    /** The body does not hold what {@link #read} can read the SDK's way. */
    private static final class NotOurs extends Exception {
        private static final long serialVersionUID = 1L;
        static final NotOurs INSTANCE = new NotOurs();

        private NotOurs() {
            super(null, null, false, false);
        }
    }

    /**
     * The page a response body holds, as the SDK would read it.
     *
     * @param body the bytes; {@code length} of them are the body
     * @param length how many
     * @return the page; {@code null} when the body holds anything this reader leaves to the SDK
     * @throws MalformedPageException if a summary lacks a member the model requires (and the body is otherwise one
     *     this reader reads: the SDK's parse would lack it too)
     */
    static PageSource.Page<AsyncInvokeSummary> read(byte[] body, int length) {
        try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            String nextToken = null;
            List<AsyncInvokeSummary> items = List.of();
            boolean seenToken = false;
            boolean seenItems = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("nextToken")) {
                    seenToken = once(seenToken);
                    nextToken = string(parser, value);
                } else if (name.equals("asyncInvokeSummaries")) {
                    seenItems = once(seenItems);
                    items = value == JsonToken.VALUE_NULL ? List.of() : summaries(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return null;
            }
            return new PageSource.Page<>(items, nextToken);
        } catch (NotOurs | JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private static List<AsyncInvokeSummary> summaries(JsonParser parser, JsonToken value) throws IOException, NotOurs {
        expect(value, JsonToken.START_ARRAY);
        List<AsyncInvokeSummary> items = new ArrayList<>();
        // A summary that lacks a required member fails the page, but only once the page is known to be the SDK's
        // to read no other way: the count in the message needs the whole array.
        int firstMalformed = -1;
        String missing = null;
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(element, JsonToken.START_OBJECT);
            Summary summary = summary(parser);
            if (summary.missing() != null && firstMalformed < 0) {
                firstMalformed = items.size();
                missing = summary.missing();
            }
            items.add(summary.record());
        }
        if (firstMalformed >= 0) {
            throw MalformedPageException.missing(firstMalformed, items.size(), missing);
        }
        return items;
    }

    /** A summary read, or, where it lacks a required member, the name of the first it lacks. */
    private record Summary(AsyncInvokeSummary record, String missing) {
    }

    private static Summary summary(JsonParser parser) throws IOException, NotOurs {
        String invocationArn = null;
        String modelArn = null;
        String clientRequestToken = null;
        String status = null;
        String failureMessage = null;
        Instant submitTime = null;
        Instant lastModifiedTime = null;
        Instant endTime = null;
        OutputDataConfig output = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "invocationArn" -> {
                    seen = once(seen, INVOCATION_ARN);
                    invocationArn = string(parser, value);
                }
                case "modelArn" -> {
                    seen = once(seen, MODEL_ARN);
                    modelArn = string(parser, value);
                }
                case "clientRequestToken" -> {
                    seen = once(seen, CLIENT_REQUEST_TOKEN);
                    clientRequestToken = string(parser, value);
                }
                case "status" -> {
                    seen = once(seen, STATUS);
                    status = string(parser, value);
                }
                case "failureMessage" -> {
                    seen = once(seen, FAILURE_MESSAGE);
                    failureMessage = string(parser, value);
                }
                case "submitTime" -> {
                    seen = once(seen, SUBMIT_TIME);
                    submitTime = timestamp(parser, value);
                }
                case "lastModifiedTime" -> {
                    seen = once(seen, LAST_MODIFIED_TIME);
                    lastModifiedTime = timestamp(parser, value);
                }
                case "endTime" -> {
                    seen = once(seen, END_TIME);
                    endTime = timestamp(parser, value);
                }
                case "outputDataConfig" -> {
                    seen = once(seen, OUTPUT_DATA_CONFIG);
                    output = value == JsonToken.VALUE_NULL ? null : union(parser, value);
                }
                default -> parser.skipChildren();
            }
        }
        String missing = invocationArn == null ? "invocationArn" : modelArn == null ? "modelArn"
                : submitTime == null ? "submitTime" : output == null ? "outputDataConfig"
                : output == MISSING_S3_URI ? "outputDataConfig.s3OutputDataConfig.s3Uri" : null;
        if (missing != null) {
            return new Summary(null, missing);
        }
        return new Summary(new AsyncInvokeSummary(invocationArn, modelArn, Optional.ofNullable(clientRequestToken),
                Optional.ofNullable(status), Optional.ofNullable(failureMessage), submitTime,
                Optional.ofNullable(lastModifiedTime), Optional.ofNullable(endTime), output), null);
    }

    /** Stands for an S3 member without its required {@code s3Uri}. */
    private static final OutputDataConfig MISSING_S3_URI = new OutputDataConfig.Unknown("s3OutputDataConfig");

    /** The union: its S3 member when that is set, else the first other member's name ({@code ""} for none). */
    private static OutputDataConfig union(JsonParser parser, JsonToken value) throws IOException, NotOurs {
        expect(value, JsonToken.START_OBJECT);
        OutputDataConfig s3 = null;
        boolean seenS3 = false;
        String otherMember = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken member = parser.nextToken();
            if (name.equals(S3_MEMBER)) {
                seenS3 = once(seenS3);
                s3 = member == JsonToken.VALUE_NULL ? null : s3(parser, member);
            } else {
                if (otherMember == null) {
                    otherMember = name;
                }
                parser.skipChildren();
            }
        }
        return s3 != null ? s3 : new OutputDataConfig.Unknown(otherMember == null ? "" : otherMember);
    }

    private static OutputDataConfig s3(JsonParser parser, JsonToken value) throws IOException, NotOurs {
        expect(value, JsonToken.START_OBJECT);
        String s3Uri = null;
        String kmsKeyId = null;
        String bucketOwner = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken member = parser.nextToken();
            switch (name) {
                case "s3Uri" -> {
                    seen = once(seen, 1);
                    s3Uri = string(parser, member);
                }
                case "kmsKeyId" -> {
                    seen = once(seen, 2);
                    kmsKeyId = string(parser, member);
                }
                case "bucketOwner" -> {
                    seen = once(seen, 4);
                    bucketOwner = string(parser, member);
                }
                default -> parser.skipChildren();
            }
        }
        if (s3Uri == null) {
            return MISSING_S3_URI;
        }
        return new OutputDataConfig.S3(s3Uri, Optional.ofNullable(kmsKeyId), Optional.ofNullable(bucketOwner));
    }

    private static String string(JsonParser parser, JsonToken value) throws IOException, NotOurs {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static Instant timestamp(JsonParser parser, JsonToken value) throws IOException, NotOurs {
        String text = string(parser, value);
        if (text == null) {
            return null;
        }
        Instant common = utcInstant(text);
        if (common != null) {
            return common;
        }
        try {
            return DateUtils.parseIso8601Date(text);
        } catch (RuntimeException notIso8601) {
            throw NotOurs.INSTANCE;
        }
    }

    /**
     * The instant of a timestamp in the form the service writes, {@code yyyy-MM-ddTHH:mm:ss} with 1 to 9 fraction
     * digits or none and {@code Z}, or {@code null} for any other text, which then goes to the SDK's own
     * {@link DateUtils#parseIso8601Date}. For every text it reads it gives what that method gives, at a fraction of
     * its cost, which on a page of 1000 summaries (3000 timestamps) was most of the parse.
     */
    static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotOurs {
        if (actual != expected) {
            throw NotOurs.INSTANCE;
        }
    }

    private static boolean once(boolean seen) throws NotOurs {
        if (seen) {
            throw NotOurs.INSTANCE;
        }
        return true;
    }

    private static int once(int seen, int member) throws NotOurs {
        if ((seen & member) != 0) {
            throw NotOurs.INSTANCE;
        }
        return seen | member;
    }

    /**
     * The output-union member name of each element of the body's summaries, for a body {@link #read} left to the SDK:
     * the first member of the element's {@code outputDataConfig} other than {@code s3OutputDataConfig}, or
     * {@code ""} where there is none. Where a key appears twice, the last one counts, as in the SDK's parse.
     *
     * @param body the bytes; {@code length} of them are the body, which the SDK has parsed
     * @param length how many
     * @return one name an element of the last {@code asyncInvokeSummaries} array
     * @throws IllegalStateException if the body is not JSON, which the SDK would have refused
     */
    static List<String> unknownMemberNames(byte[] body, int length) {
        List<String> names = List.of();
        try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return names;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean summaries = parser.currentName().equals("asyncInvokeSummaries");
                if (parser.nextToken() == JsonToken.START_ARRAY && summaries) {
                    names = new ArrayList<>();
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        names.add(element == JsonToken.START_OBJECT ? memberNameIn(parser) : "");
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("the response body the SDK parsed is not JSON", e);
        }
    }

    /** The name of the summary's union member, the parser on the summary's opening brace and left on its end. */
    private static String memberNameIn(JsonParser parser) throws IOException {
        String name = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean union = parser.currentName().equals("outputDataConfig");
            JsonToken value = parser.nextToken();
            if (union && value == JsonToken.START_OBJECT) {
                name = "";
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    if (name.isEmpty() && !parser.currentName().equals(S3_MEMBER)) {
                        name = parser.currentName();
                    }
                    parser.nextToken();
                    parser.skipChildren();
                }
            } else {
                if (union) {
                    name = "";
                }
                parser.skipChildren();
            }
        }
        return name;
    }
}
