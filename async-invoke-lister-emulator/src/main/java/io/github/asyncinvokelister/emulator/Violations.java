package io.github.asyncinvokelister.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request's broken constraints, gathered so one {@code ValidationException} names them all, in the service's
 * words: {@code "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ..."}.
 */
final class Violations {
    /** Echoed values are cut to this many characters, so an error never carries a huge value back. */
    private static final int MAX_ECHOED = 100;

    private final List<String> errors = new ArrayList<>();

    /** {@code value} at {@code member} breaks {@code constraint}; the message shows the value. */
    void value(String member, String value, String constraint) {
        errors.add("Value '" + echo(value) + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** The value at {@code member} breaks {@code constraint}; the message does not show it. */
    void hidden(String member, String constraint) {
        errors.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A required {@code member} is absent. */
    void missing(String member) {
        errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    /**
     * Checks a string's length, counted in code points as Smithy's length trait counts it, then its pattern.
     *
     * @param shown whether the message may show the value
     */
    void string(String member, String value, int min, int max, Pattern pattern, boolean shown) {
        int length = value.codePointCount(0, value.length());
        String constraint = length < min ? "Member must have length greater than or equal to " + min
                : length > max ? "Member must have length less than or equal to " + max
                : !pattern.matcher(value).matches()
                        ? "Member must satisfy regular expression pattern: " + pattern.pattern()
                : null;
        if (constraint != null && shown) {
            value(member, value, constraint);
        } else if (constraint != null) {
            hidden(member, constraint);
        }
    }

    /**
     * Ends the request if anything broke a constraint.
     *
     * @throws ApiError a {@code ValidationException} naming each broken constraint
     */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiError.validation(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHOED ? value : value.substring(0, MAX_ECHOED) + "...";
    }
}
