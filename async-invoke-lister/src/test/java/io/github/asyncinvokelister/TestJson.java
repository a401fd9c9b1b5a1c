package io.github.asyncinvokelister;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * JSON for tests, through jackson-databind: documents as {@code Map} (in key order), {@code List}, {@code String},
 * {@code BigDecimal} (every number), {@code Boolean} and {@code null}.
 */
public final class TestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TestJson() {
    }

    /** The value of a JSON document; integers too come back as {@code BigDecimal}. */
    public static Object parse(String text) {
        try {
            return normalise(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A string as a JSON literal. */
    public static String quote(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof java.math.BigInteger integer) {
            return new java.math.BigDecimal(integer);
        }
        if (value instanceof Integer || value instanceof Long) {
            return java.math.BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, normalise(v)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            java.util.List<Object> copy = new java.util.ArrayList<>();
            list.forEach(v -> copy.add(normalise(v)));
            return copy;
        }
        return value;
    }
}
