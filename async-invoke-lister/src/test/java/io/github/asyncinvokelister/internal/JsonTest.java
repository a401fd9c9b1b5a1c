package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesNestedDocumentKeepingKeyOrderAndNulls() {
        Object value = Json.parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"s\": \"x\\u00e9\\n\\\"\"}} ");
        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a");
        assertThat(new ArrayList<Object>((List<?>) map.get("b"))).containsExactly(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false,
                null);
        assertThat(((Map<?, ?>) map.get("a")).get("s")).isEqualTo("x\u00e9\n\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "{\"a\": 1} x", "01", "\"\t\"", "{\"a\": 1, \"a\": 2}",
        "tru", "\"\\x\"", "\"\\u12\""})
    void rejectsMalformedJson(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(text)).withMessageStartingWith(
                "malformed JSON at offset");
    }

    @Test
    void rejectsNestingBeyondLimit() {
        char[] open = new char[Json.MAX_DEPTH + 2];
        Arrays.fill(open, '[');
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(new String(open)))
                .withMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void quotesLikePythonJsonDumps() {
        // json.dumps('a"\\/\x01\x7f\u00e9\U0001F600') in Python 3.11
        assertThat(Json.quote("a\"\\/\u0001\u007f\u00e9\uD83D\uDE00"))
                .isEqualTo("\"a\\\"\\\\/\\u0001\\u007f\\u00e9\\ud83d\\ude00\"");
    }
}
