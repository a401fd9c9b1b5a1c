package io.github.asyncinvokelister.cli;

/**
 * Text from the server made safe to show on a terminal, as {@code ls} and {@code git} make file names safe: every
 * character that a terminal acts on rather than shows (C0 and C1 controls, DEL, and the bidirectional controls that
 * reorder a line) becomes a visible escape such as {@code \x1b} or {@code \u202e}, so a summary cannot move the
 * cursor, retitle the window, clear the screen or disguise another line. JSON output is not passed through here: it
 * stays the AWS CLI's, byte for byte, and escapes control characters itself.
 */
final class TerminalSafe {
    private TerminalSafe() {
    }

    /** {@code text} with every character a terminal would act on escaped; {@code text} itself if it has none. */
    static String text(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                safe.append(c);
            } else if (c <= 0xff) {
                safe.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                String hex = Integer.toHexString(c);
                safe.append("\\u").append("0000", hex.length(), 4).append(hex);
            }
        }
        return safe.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
