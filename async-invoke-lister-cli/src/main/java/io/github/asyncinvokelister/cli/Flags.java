package io.github.asyncinvokelister.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the library's precondition messages, which name parameters, into messages that name flags. */
final class Flags {
    private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z]*\\b");

    private Flags() {
    }

    /**
     * {@code message} with each parameter name of {@code flags} replaced by its flag: {@code "pageSize must be
     * between 1 and 1000: 0"} becomes {@code "--page-size must be between 1 and 1000: 0"}.
     */
    static String rename(String message, Map<String, String> flags) {
        Matcher words = WORD.matcher(message);
        StringBuilder renamed = new StringBuilder(message.length() + 16);
        while (words.find()) {
            words.appendReplacement(renamed, Matcher.quoteReplacement(flags.getOrDefault(words.group(),
                    words.group())));
        }
        return words.appendTail(renamed).toString();
    }
}
