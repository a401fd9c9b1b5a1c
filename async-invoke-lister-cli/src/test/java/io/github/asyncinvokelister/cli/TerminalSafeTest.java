package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalSafeTest {

    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("\u001b]0;pwned\u0007", "\\x1b]0;pwned\\x07"),
                Arguments.of("\u001b[2J\u001b[H", "\\x1b[2J\\x1b[H"),
                Arguments.of("a\rb\nc\td", "a\\x0db\\x0ac\\x09d"),
                Arguments.of("\u0000nul", "\\x00nul"),
                Arguments.of("del\u007f c1\u009b", "del\\x7f c1\\x9b"),
                Arguments.of("txt\u202egnp.exe", "txt\\u202egnp.exe"),
                Arguments.of("\u2066isolate\u2069 \u200fmark\u061c", "\\u2066isolate\\u2069 \\u200fmark\\u061c"));
    }

    @ParameterizedTest
    @MethodSource("unsafe")
    void escapesWhatATerminalWouldActOn(String raw, String shown) {
        assertThat(TerminalSafe.text(raw)).isEqualTo(shown);
    }

    @Test
    void leavesPrintableTextAloneAndTheSameInstance() {
        String text = "arn:aws:bedrock:us-east-1:123456789012:async-invoke/abc caf\u00e9 \uD83D\uDE00 \u2014 \"q\"";
        assertThat(TerminalSafe.text(text)).isSameAs(text);
    }
}
