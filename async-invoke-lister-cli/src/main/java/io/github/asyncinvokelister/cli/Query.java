package io.github.asyncinvokelister.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code --query}: a JMESPath expression, compiled once, applied to what the AWS CLI would apply it to. Values go in
 * and come out as the AWS CLI's formatters see them: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}, and {@code Map<String, Object>} (in order) and {@code List<Object>} of them.
 */
final class Query {
    private static final JacksonRuntime RUNTIME = new JacksonRuntime();
    /** Maps, lists and scalars to Jackson's trees and back, integers as {@code Long}. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final String text;
    private final Expression<JsonNode> expression;

    private Query(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Compiles an expression.
     *
     * @param text the expression
     * @return the query
     * @throws IllegalArgumentException with the parser's reason, if it is not JMESPath
     */
    static Query compile(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new Query(text, RUNTIME.compile(legacyLiterals(text)));
        } catch (JmesPathException e) {
            throw new IllegalArgumentException("Bad value for --query " + text + ": Invalid jmespath expression: "
                    + ListCommand.oneLine(e.getMessage()), e);
        }
    }

    /**
     * The expression with each {@code `literal`} that is not JSON made the JSON string it stands for, as the AWS
     * CLI's jmespath.py reads it (deprecated, but everywhere in scripts: {@code [?status==`Failed`]}). Raw strings
     * ({@code '...'}) and quoted identifiers ({@code "..."}) are left as they are.
     */
    static String legacyLiterals(String expression) {
        StringBuilder out = new StringBuilder(expression.length() + 8);
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(expression, i, c);
                out.append(expression, i, end);
                i = end;
            } else if (c == '`') {
                int end = closing(expression, i, '`');
                if (end > expression.length() || expression.charAt(end - 1) != '`' || end - i < 2) {
                    out.append(expression, i, Math.min(end, expression.length()));
                    i = end;
                    continue;
                }
                String literal = expression.substring(i + 1, end - 1);
                String json = literal.replace("\\`", "`");
                if (isJson(json)) {
                    out.append(expression, i, end);
                } else {
                    out.append("`\"").append(literal.stripLeading()).append("\"`");
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just past the quote that closes the one at {@code start}, backslash escapes skipped. */
    private static int closing(String expression, int start, char quote) {
        int i = start + 1;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return expression.length();
    }

    private static boolean isJson(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            parser.readValueAsTree();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The expression's result over {@code value}.
     *
     * @param value what the AWS CLI would search
     * @return the result, {@code null} where JMESPath's is
     */
    Object search(Object value) {
        try {
            return JSON.treeToValue(expression.search(JSON.valueToTree(value)), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JMESPath result Jackson cannot read back", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
