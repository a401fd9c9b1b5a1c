package io.github.asyncinvokelister.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * botocore's paging token for {@code ListAsyncInvokes}, byte for byte: standard base64 of Python's
 * {@code json.dumps} of {@code {"nextToken": T}} or {@code {"nextToken": T, "boto_truncate_amount": k}}.
 *
 * <p>{@link #parse} reads such a token, falling back as botocore does to its deprecated {@code T___k} form and
 * then to a raw service token; unlike botocore it rejects anything it cannot use whole, before any request.
 * Error messages name the problem and never quote the token.
 *
 * @param serviceToken the service's {@code nextToken} of the page to request; {@code null} for the first page
 * @param skip how many items of that page were already delivered (botocore's {@code boto_truncate_amount})
 */
public record PagingToken(String serviceToken, int skip) {
    /** Longer starting tokens are rejected before decoding. */
    public static final int MAX_TOKEN_LENGTH = 4096;
    /** The service's bound on {@code nextToken}. */
    public static final int MAX_SERVICE_TOKEN_LENGTH = 2048;
    /** A page holds at most 1000 items, so no truncate amount can be larger. */
    public static final int MAX_SKIP = 1000;

    private static final String NEXT_TOKEN = "nextToken";
    private static final String TRUNCATE_AMOUNT = "boto_truncate_amount";
    private static final String DEPRECATED_SEPARATOR = "___";
    /** What Python's {@code int()} takes in botocore's deprecated form, less underscores and non-ASCII digits. */
    private static final Pattern DEPRECATED_INDEX = Pattern.compile("\\s*[+-]?[0-9]+\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    /** Stands for "not base64 of UTF-8 JSON", which JSON's own {@code null} cannot. */
    private static final Object NOT_JSON = new Object();

    /** The start of a listing. */
    public static final PagingToken START = new PagingToken(null, 0);
    /**
     * Validates the components.
     *
     * @param serviceToken the service's {@code nextToken} of the page to request; {@code null} for the first page
     * @param skip how many items of that page were already delivered (botocore's {@code boto_truncate_amount})
     * @throws IllegalArgumentException if {@code skip} is outside 0 to 1000
     */
    public PagingToken {
        if (skip < 0 || skip > MAX_SKIP) {
            throw new IllegalArgumentException("skip must be between 0 and " + MAX_SKIP + ": " + skip);
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
     * raw service token. {@code None} stands for no service token, as in botocore.
     *
     * @param token the token
     * @return the position it names
     * @throws IllegalArgumentException if the token is too long, decodes to JSON of another shape, or names a
     *     service token or offset the service cannot take
     */
    public static PagingToken parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("startingToken is longer than " + MAX_TOKEN_LENGTH + " characters: "
                    + token.length());
        }
        String json = decodeBase64Utf8(token);
        Object value = json == null ? NOT_JSON : parseJson(json);
        return value == NOT_JSON ? fromDeprecated(token) : fromJson(value);
    }

    private static Object parseJson(String json) {
        try {
            return Json.parse(json);
        } catch (IllegalArgumentException notJson) {
            return NOT_JSON;
        }
    }

    private static PagingToken fromJson(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("startingToken decodes to JSON that is not an object");
        }
        for (Object key : map.keySet()) {
            if (!NEXT_TOKEN.equals(key) && !TRUNCATE_AMOUNT.equals(key)) {
                throw new IllegalArgumentException("startingToken has an unknown key: " + abbreviate((String) key));
            }
        }
        Object serviceToken = map.get(NEXT_TOKEN);
        if (serviceToken != null && !(serviceToken instanceof String)) {
            throw new IllegalArgumentException("startingToken's nextToken must be a string or null, not "
                    + jsonType(serviceToken));
        }
        int skip = 0;
        if (map.containsKey(TRUNCATE_AMOUNT)) {
            Object amount = map.get(TRUNCATE_AMOUNT);
            if (!(amount instanceof BigDecimal number) || number.scale() > 0) {
                throw new IllegalArgumentException("startingToken's boto_truncate_amount must be an integer, not "
                        + jsonType(amount));
            }
            skip = checkSkip(number);
        }
        return new PagingToken(checkServiceToken((String) serviceToken), skip);
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
        return new PagingToken(checkServiceToken(serviceToken), skip);
    }

    private static int checkSkip(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("startingToken's truncate amount must not be negative: "
                    + abbreviate(amount.toPlainString()));
        }
        if (amount.compareTo(BigDecimal.valueOf(MAX_SKIP)) > 0) {
            throw new IllegalArgumentException("startingToken's truncate amount must be at most " + MAX_SKIP + ": "
                    + abbreviate(amount.toPlainString()));
        }
        return amount.intValueExact();
    }

    /** Holds a service token to the model's constraints ({@code \S*}, 1 to 2048 characters); "None" means none. */
    private static String checkServiceToken(String serviceToken) {
        if (serviceToken == null || serviceToken.equals("None")) {
            return null;
        }
        if (serviceToken.isEmpty()) {
            throw new IllegalArgumentException("startingToken's service token is empty");
        }
        if (serviceToken.length() > MAX_SERVICE_TOKEN_LENGTH) {
            throw new IllegalArgumentException("startingToken's service token is longer than "
                    + MAX_SERVICE_TOKEN_LENGTH + " characters: " + serviceToken.length());
        }
        if (WHITESPACE.matcher(serviceToken).find()) {
            throw new IllegalArgumentException("startingToken's service token contains whitespace");
        }
        return serviceToken;
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
        return serviceToken == null ? json.append("null") : Json.quote(serviceToken, json);
    }

    private static String base64(StringBuilder json) {
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonType(Object value) {
        if (value instanceof Map) {
            return "an object";
        } else if (value instanceof java.util.List) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof BigDecimal) {
            return "a number";
        }
        return "null";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
