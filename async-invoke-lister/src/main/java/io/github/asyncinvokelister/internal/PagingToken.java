package io.github.asyncinvokelister.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * botocore's paging token for {@code ListAsyncInvokes}, byte for byte: standard base64 of Python's
 * {@code json.dumps} of {@code {"nextToken": T}} or {@code {"nextToken": T, "boto_truncate_amount": k}}.
 *
 * <p>{@link #parse} reads such a token, falling back as botocore does to its deprecated {@code T___k} form and
 * then to a raw service token; unlike botocore it rejects anything it cannot use whole, before any request. A token
 * whose base64 decodes to text that opens like JSON (with a brace or a bracket) is read strictly by jackson-core:
 * duplicate keys, {@code NaN} and {@code Infinity}, nesting deeper than {@value #MAX_DEPTH}, numbers longer than
 * {@value #MAX_NUMBER_LENGTH} digits, trailing data and a byte order mark are refused, where Python's
 * {@code json.loads} takes some of them and botocore then reads others as a raw token. Error messages name the
 * problem and never quote the token.
 *
 * @param serviceToken the service's {@code nextToken} of the page to request; {@code null} for the first page
 * @param skip how many items of that page were already delivered (botocore's {@code boto_truncate_amount})
 */
public record PagingToken(String serviceToken, int skip) {
    /**
     * The longest token this library hands out, and so the longest starting token it reads; longer ones are refused
     * before decoding. It is a service token of {@value ServiceLimits#MAX_SERVICE_TOKEN_LENGTH} code points, each
     * outside the Basic Multilingual Plane and so written as two {@code \}{@code uXXXX} escapes (12 characters),
     * with a ten-digit truncate amount and the rest of the JSON, in base64.
     */
    public static final int MAX_TOKEN_LENGTH = 4 * ((ServiceLimits.MAX_SERVICE_TOKEN_LENGTH * 12 + 64 + 2) / 3);
    /**
     * The largest truncate amount. A page the service sends may hold more than the 1000 items a request can ask
     * for, and a cut can fall anywhere in it, so any {@code int} is a position this library can hand out.
     */
    public static final int MAX_SKIP = Integer.MAX_VALUE;
    /** Deeper JSON is refused, so a hostile token cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;
    /** Longer numbers are refused before they are converted. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final String NEXT_TOKEN = "nextToken";
    private static final String TRUNCATE_AMOUNT = "boto_truncate_amount";
    private static final String DEPRECATED_SEPARATOR = "___";
    /** What Python's {@code int()} takes in botocore's deprecated form, less underscores and non-ASCII digits. */
    private static final Pattern DEPRECATED_INDEX = Pattern.compile("\\s*[+-]?[0-9]+\\s*");
    /** A byte order mark, then JSON's whitespace, then an object or an array: text meant as a JSON token. */
    private static final Pattern OPENS_LIKE_JSON = Pattern.compile("\\uFEFF?[ \\t\\n\\r]*[\\[{].*", Pattern.DOTALL);
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_TOKEN_LENGTH)
                    .build())
            .build();

    /** The start of a listing. */
    public static final PagingToken START = new PagingToken(null, 0);

    /**
     * Validates the components.
     *
     * @param serviceToken the service's {@code nextToken} of the page to request; {@code null} for the first page
     * @param skip how many items of that page were already delivered (botocore's {@code boto_truncate_amount})
     * @throws IllegalArgumentException if {@code skip} is negative
     */
    public PagingToken {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
    }

    /**
     * Encodes a token as botocore does for a page boundary: {@code {"nextToken": T}}.
     *
     * @param serviceToken the service's token, or {@code null}
     * @return the base64 token
     */
    public static String encode(String serviceToken) {
        return base64(json(serviceToken).append('}'));
    }

    /**
     * Encodes a token as botocore does for a cut inside a page: {@code {"nextToken": T, "boto_truncate_amount": k}}.
     *
     * @param serviceToken the service's token of the page that was cut, or {@code null} for the first page
     * @param truncateAmount how many of that page's items were delivered
     * @return the base64 token
     */
    public static String encode(String serviceToken, int truncateAmount) {
        return base64(json(serviceToken).append(", \"").append(TRUNCATE_AMOUNT).append("\": ").append(truncateAmount)
                .append('}'));
    }

    /**
     * The token for this position: a plain one when nothing is skipped and a service token is known, otherwise
     * one with a truncate amount.
     *
     * @return the base64 token
     */
    public String encode() {
        return skip == 0 && serviceToken != null ? encode(serviceToken) : encode(serviceToken, skip);
    }

    /**
     * Reads a starting token in botocore's order: base64 JSON, else the deprecated {@code T___k} form, else a
     * raw service token. In the last two, {@code None} stands for no service token, as in botocore.
     *
     * @param token the token
     * @return the position it names
     * @throws IllegalArgumentException if the token is too long, decodes to JSON that is malformed, not strict or of
     *     another shape, or names a service token or offset the service cannot take
     */
    public static PagingToken parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("startingToken is longer than " + MAX_TOKEN_LENGTH + " characters: "
                    + token.length());
        }
        String text = decodeBase64Utf8(token);
        if (text == null) {
            return fromDeprecated(token);
        }
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return fromDeprecated(token); // blank text is no JSON at all
            }
            PagingToken parsed = first == JsonToken.START_OBJECT ? fromJson(parser) : null;
            if (parsed == null) {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                if (!OPENS_LIKE_JSON.matcher(text).matches()) {
                    return fromDeprecated(token); // two scalars are no JSON document, as botocore reads them
                }
                throw new IllegalArgumentException("startingToken's JSON is followed by data after its end");
            }
            if (parsed == null) {
                throw new IllegalArgumentException("startingToken decodes to JSON that is not an object");
            }
            return parsed;
        } catch (JsonProcessingException notStrictJson) {
            if (!OPENS_LIKE_JSON.matcher(text).matches()) {
                return fromDeprecated(token); // text that only happens to decode, as a raw token may
            }
            if (text.charAt(0) == '\uFEFF') {
                throw new IllegalArgumentException("startingToken's JSON is preceded by a byte order mark");
            }
            throw new IllegalArgumentException("startingToken's JSON is " + problem(notStrictJson)
                    + (notStrictJson.getLocation() == null ? ""
                            : " (at character " + notStrictJson.getLocation().getCharOffset() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Reads {@code {"nextToken": ..., "boto_truncate_amount": ...}}, the parser on the opening brace. */
    private static PagingToken fromJson(JsonParser parser) throws IOException {
        String serviceToken = null;
        int skip = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (NEXT_TOKEN.equals(key)) {
                if (value == JsonToken.VALUE_STRING) {
                    serviceToken = parser.getText();
                } else if (value != JsonToken.VALUE_NULL) {
                    throw new IllegalArgumentException("startingToken's nextToken must be a string or null, not "
                            + jsonType(value));
                }
            } else if (TRUNCATE_AMOUNT.equals(key)) {
                if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new IllegalArgumentException("startingToken's boto_truncate_amount must be an integer, not "
                            + jsonType(value));
                }
                BigDecimal amount = parser.getDecimalValue();
                if (amount.scale() > 0) {
                    throw new IllegalArgumentException("startingToken's boto_truncate_amount must be an integer, not "
                            + "a number with a fraction");
                }
                skip = checkSkip(amount);
            } else {
                throw new IllegalArgumentException("startingToken has an unknown key");
            }
        }
        return new PagingToken(checkServiceToken(serviceToken), skip);
    }

    private static PagingToken fromDeprecated(String token) {
        String[] parts = token.split(DEPRECATED_SEPARATOR, -1);
        int skip = 0;
        String serviceToken = token;
        if (parts.length == 2 && DEPRECATED_INDEX.matcher(parts[1]).matches()) {
            serviceToken = parts[0];
            skip = checkSkip(new BigDecimal(parts[1].strip()));
        } else if (parts.length > 2) {
            throw new IllegalArgumentException("startingToken has " + (parts.length - 1)
                    + " '___' separators; the deprecated form TOKEN___OFFSET has one");
        }
        return new PagingToken(checkDeprecatedServiceToken(serviceToken), skip);
    }

    private static int checkSkip(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("startingToken's truncate amount must not be negative");
        }
        if (amount.compareTo(BigDecimal.valueOf(MAX_SKIP)) > 0) {
            throw new IllegalArgumentException("startingToken's truncate amount is larger than any page can be");
        }
        return amount.intValueExact();
    }

    /** Holds a service token to the model's constraints. */
    private static String checkServiceToken(String serviceToken) {
        return serviceToken == null ? null
                : ServiceLimits.checkServiceToken(serviceToken, "startingToken's service token");
    }

    /**
     * A service token of the deprecated or raw form; there, as in botocore, {@code None} is Python's {@code str(None)}:
     * no token. (In the JSON form botocore writes no token as {@code null}, so {@code "None"} there is a token the
     * service sent, and this library resumes with it; botocore reads it as no token too, and starts over.)
     */
    private static String checkDeprecatedServiceToken(String serviceToken) {
        return "None".equals(serviceToken) ? null : checkServiceToken(serviceToken);
    }

    /** What was wrong with JSON jackson-core refused, in words that quote nothing of it. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return message.contains("nesting") ? "nested deeper than " + MAX_DEPTH + " levels"
                    : message.contains("Number") ? "a number longer than " + MAX_NUMBER_LENGTH + " characters"
                    : "a value longer than the token may be";
        }
        if (message.startsWith("Duplicate field")) {
            return "not strict: a key appears twice";
        }
        if (message.contains("Non-standard token") || message.contains("NaN") || message.contains("Infinity")) {
            return "not strict: NaN and Infinity are not JSON numbers";
        }
        if (message.contains("end-of-input") || message.contains("EOF")) {
            return "cut short";
        }
        return "malformed";
    }

    /** Lenient like Python's {@code b64decode}: characters outside the alphabet are ignored. */
    private static String decodeBase64Utf8(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static StringBuilder json(String serviceToken) {
        StringBuilder json = new StringBuilder(32 + (serviceToken == null ? 0 : serviceToken.length()));
        json.append("{\"").append(NEXT_TOKEN).append("\": ");
        return serviceToken == null ? json.append("null") : quote(serviceToken, json);
    }

    /**
     * Writes a JSON string literal byte for byte as Python's {@code json.dumps} does with its defaults
     * ({@code ensure_ascii=True}), which botocore's tokens are made with, so written by hand: {@code "} and
     * {@code \} escaped, {@code \n \r \t \b \f} by name, and every other character outside printable ASCII as a
     * lower-case {@code \}{@code uXXXX} escape of its UTF-16 code unit (so surrogate pairs stay pairs).
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
                    if (c < 0x20 || c > 0x7e) {
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

    private static String base64(StringBuilder json) {
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonType(JsonToken value) {
        return switch (value) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "null";
        };
    }
}
