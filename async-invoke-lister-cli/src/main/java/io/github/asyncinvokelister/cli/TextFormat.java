package io.github.asyncinvokelister.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AWS CLI's {@code --output text}, as {@code awscli/text.py} writes it: a dictionary's scalar values on one line,
 * tab-separated, in the order of their sorted keys, after its identifier (the key it was found under, upper case);
 * then its lists and dictionaries, each under its own key. In a list of dictionaries, every element has a column for
 * each scalar key any of them has, empty where it has none. Scalars print as Python's {@code str} does:
 * {@code True}, {@code False}, {@code None}. A formatter for a terminal shows each value
 * {@linkplain TerminalSafe terminal-safe}, as the AWS CLI does not: a server's escape sequences are shown, not obeyed.
 */
final class TextFormat {
    /** Values as they are: into a file or a pipe, byte for byte with the AWS CLI. */
    static final TextFormat RAW = new TextFormat(false);
    /** Values terminal-safe: for a terminal. */
    static final TextFormat SAFE = new TextFormat(true);

    private final boolean safe;

    private TextFormat(boolean safe) {
        this.safe = safe;
    }

    /** Writes {@code value}: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, null, maps and lists. */
    StringBuilder write(Object value, StringBuilder out) {
        return format(value, null, null, out);
    }

    private StringBuilder format(Object item, String identifier, List<String> scalarKeys, StringBuilder out) {
        if (item instanceof Map<?, ?> map) {
            dictionary(scalarKeys, map, identifier, out);
        } else if (item instanceof List<?> list) {
            list(list, identifier, out);
        } else {
            out.append(shown(item)).append('\n');
        }
        return out;
    }

    private void list(List<?> items, String identifier, StringBuilder out) {
        if (items.isEmpty()) {
            return;
        }
        if (items.stream().anyMatch(element -> element instanceof Map)) {
            List<String> keys = allScalarKeys(items);
            for (Object element : items) {
                format(element, identifier, keys, out);
            }
        } else if (items.stream().anyMatch(element -> element instanceof List)) {
            List<Object> scalars = new ArrayList<>();
            List<Object> others = new ArrayList<>();
            for (Object element : items) {
                (isScalar(element) ? scalars : others).add(element);
            }
            if (!scalars.isEmpty()) {
                scalarList(scalars, identifier, out);
            }
            for (Object other : others) {
                format(other, identifier, null, out);
            }
        } else {
            scalarList(items, identifier, out);
        }
    }

    private void scalarList(List<?> elements, String identifier, StringBuilder out) {
        if (identifier != null) {
            for (Object element : elements) {
                out.append(identifier.toUpperCase(Locale.ROOT)).append('\t').append(shown(element)).append('\n');
            }
        } else {
            List<String> values = new ArrayList<>();
            for (Object element : elements) {
                values.add(shown(element));
            }
            out.append(String.join("\t", values)).append('\n');
        }
    }

    private void dictionary(List<String> scalarKeys, Map<?, ?> item, String identifier, StringBuilder out) {
        List<String> scalars = new ArrayList<>();
        Map<String, Object> nonScalars = new TreeMap<>();
        if (scalarKeys == null) {
            for (Map.Entry<String, Object> entry : sorted(item).entrySet()) {
                if (isScalar(entry.getValue())) {
                    scalars.add(shown(entry.getValue()));
                } else {
                    nonScalars.put(entry.getKey(), entry.getValue());
                }
            }
        } else {
            for (String key : scalarKeys) {
                scalars.add(item.containsKey(key) ? shown(item.get(key)) : "");
            }
            for (Map.Entry<String, Object> entry : sorted(item).entrySet()) {
                if (!scalarKeys.contains(entry.getKey())) {
                    nonScalars.put(entry.getKey(), entry.getValue());
                }
            }
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase(Locale.ROOT));
            }
            out.append(String.join("\t", scalars)).append('\n');
        }
        nonScalars.forEach((key, value) -> format(value, key, null, out));
    }

    private static List<String> allScalarKeys(List<?> items) {
        Set<String> keys = new TreeSet<>();
        for (Object element : items) {
            if (element instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if (isScalar(value)) {
                        keys.add((String) key);
                    }
                });
            }
        }
        return new ArrayList<>(keys);
    }

    /** Python sorts keys by code point, as {@link String#compareTo} does within the Basic Multilingual Plane. */
    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put((String) key, value));
        return sorted;
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    /** A value as it is printed: Python's {@code str}, terminal-safe if this formatter is. */
    private String shown(Object value) {
        return safe ? TerminalSafe.text(str(value)) : str(value);
    }

    /** Python's {@code str}. */
    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Double number) {
            return PythonFloat.repr(number);
        }
        return value.toString();
    }

    /** Python's {@code repr} of a float, which {@code str} and {@code json.dumps} share. */
    static final class PythonFloat {
        private PythonFloat() {
        }

        static String repr(double value) {
            if (Double.isNaN(value)) {
                return "nan";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "inf" : "-inf";
            }
            if (value == 0) {
                return 1 / value < 0 ? "-0.0" : "0.0";
            }
            // Java's shortest digits are Python's; Python writes them plainly from 1e-4 up to 1e16.
            BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
            int exponent = decimal.precision() - decimal.scale() - 1;
            if (exponent >= -4 && exponent < 16) {
                String plain = decimal.toPlainString();
                return plain.contains(".") ? plain : plain + ".0";
            }
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
    }
}
