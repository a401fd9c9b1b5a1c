package io.github.asyncinvokelister.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --query}: a JMESPath expression, compiled once, applied to what the AWS CLI would apply it to. Values go in
 * and come out as the AWS CLI's formatters see them: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}, and {@code Map<String, Object>} (in order) and {@code List<Object>} of them.
 */
final class Query {
    private static final JacksonRuntime RUNTIME = new JacksonRuntime();
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return plain(expression.search(tree(value)));
    }

    @Override
    public String toString() {
        return text;
    }

    private static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String string) {
            return nodes.textNode(string);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Number number) {
            return nodes.numberNode(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, member) -> object.set((String) key, tree(member)));
            return object;
        }
        ArrayNode array = nodes.arrayNode();
        for (Object element : (List<?>) value) {
            array.add(tree(element));
        }
        return array;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        List<Object> list = new ArrayList<>();
        node.forEach(element -> list.add(plain(element)));
        return list;
    }
}
