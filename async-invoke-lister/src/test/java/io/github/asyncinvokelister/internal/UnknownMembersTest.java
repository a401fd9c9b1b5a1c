package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class UnknownMembersTest {

    private static List<String> names(String body) {
        byte[] bytes = (body + "trailing capacity").getBytes(StandardCharsets.UTF_8);
        return UnknownMembers.names(bytes, body.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Through the shortcut when it applies, and every name asked for: what the lister sees. */
    private static List<String> namesAsTheListerReadsThem(String body, int summaries, boolean everyOneHasAUnion) {
        byte[] bytes = (body + "trailing capacity").getBytes(StandardCharsets.UTF_8);
        IntFunction<String> names = UnknownMembers.names(bytes, body.getBytes(StandardCharsets.UTF_8).length,
                summaries, everyOneHasAUnion);
        return IntStream.range(0, summaries).mapToObj(names).toList();
    }

    @Test
    void namesEachSummarysUnknownMemberInOrder() {
        String body = "{\"asyncInvokeSummaries\": ["
                + "{\"invocationArn\": \"a\", \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b\"}}},"
                + "{\"invocationArn\": \"b\", \"outputDataConfig\": {\"gcsOutputDataConfig\": {\"uri\": \"gs://x\"}}},"
                + "{\"invocationArn\": \"c\"},"
                + "{\"outputDataConfig\": {}},"
                + "{\"outputDataConfig\": {\"s3OutputDataConfig\": {}, \"azureOutputDataConfig\": {}}}"
                + "], \"nextToken\": \"t\"}";
        assertThat(names(body)).containsExactly("", "gcsOutputDataConfig", "", "", "azureOutputDataConfig");
    }

    @Test
    void looksOnlyAtTheKeysWhereTheyBelong() {
        // The same key names inside strings, nested deeper, and under another root key do not count.
        String body = "{\"meta\": {\"asyncInvokeSummaries\": [{\"outputDataConfig\": {\"decoy\": 1}}]},"
                + " \"asyncInvokeSummaries\": [{"
                + "\"failureMessage\": \"\\\"outputDataConfig\\\": {\\\"fake\\\": 1} \\\\\","
                + " \"tags\": [{\"outputDataConfig\": {\"nested\": []}}],"
                + " \"outputDataConfig\": {\"newMember\": {\"outputDataConfig\": {\"deeper\": 2}}}"
                + "}]}";
        assertThat(names(body)).containsExactly("newMember");
    }

    /** Where the shortcut finds the unions of a body of {@code summaries} summaries; {@code null} if it does not. */
    private static int[] unionOffsets(String body, int summaries) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return UnknownMembers.unionOffsets(bytes, bytes.length, summaries);
    }

    private static int[] bracesAfterEachUnionKey(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return Pattern.compile("\"outputDataConfig\"\\s*:\\s*\\{").matcher(latin1).results()
                .mapToInt(match -> match.end() - 1).toArray();
    }

    @Test
    void shortcutNamesEachSummarysUnionMember() {
        String body = "{\"asyncInvokeSummaries\": ["
                + "{\"invocationArn\": \"D\", \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://D\"}}},"
                + "{\"outputDataConfig\" :\n {\"gcsOutputDataConfig\": {\"n\": [1, {\"a\": \"}\"}]}}},"
                + "{\"outputDataConfig\": {}},"
                + "{\"outputDataConfig\": {\"s3OutputDataConfig\": {\"k\": [\"]\", 2]}, \"azure\\u0044\": 3}},"
                + "{\"outputDataConfig\": {\"s3OutputDataConfig\": null, \"next\": true}}"
                + "], \"nextToken\": \"D\"}";
        List<String> expected = List.of("", "gcsOutputDataConfig", "", "azureD", "next");
        assertThat(unionOffsets(body, 5)).containsExactly(bracesAfterEachUnionKey(body));
        assertThat(namesAsTheListerReadsThem(body, 5, true)).isEqualTo(expected);
        assertThat(names(body)).isEqualTo(expected);
    }

    @Test
    void shortcutSkipsTheKeyInsideAnotherKey() {
        // x\"outputDataConfig is one key: its second quote ends it, but the first is escaped.
        String body = "{\"asyncInvokeSummaries\": [{\"tags\": {\"x\\\"outputDataConfig\": {\"fake\": 1}},"
                + " \"outputDataConfig\": {\"real\": 1}}]}";
        assertThat(unionOffsets(body, 1)).containsExactly(body.lastIndexOf('{', body.indexOf("real")));
        assertThat(namesAsTheListerReadsThem(body, 1, true)).containsExactly("real");
        // After an escaped backslash the quote is a real one.
        String afterBackslash = "{\"asyncInvokeSummaries\": [{\"m\": \"\\\\\", \"outputDataConfig\": {\"real\": 1}}]}";
        assertThat(unionOffsets(afterBackslash, 1)).containsExactly(bracesAfterEachUnionKey(afterBackslash));
    }

    @Test
    void shortcutStandsAsideWhenTheKeyTurnsUpElsewhere() {
        // One union key too many (nested in a member), a null union, a summary without one: the full pass decides,
        // and the names still line up.
        String nested = "{\"asyncInvokeSummaries\": ["
                + "{\"outputDataConfig\": {\"m\": {\"outputDataConfig\": {\"deeper\": 1}}}},"
                + "{\"outputDataConfig\": {\"s3OutputDataConfig\": {}}}]}";
        assertThat(unionOffsets(nested, 2)).isNull();
        assertThat(namesAsTheListerReadsThem(nested, 2, true)).containsExactly("m", "");
        String nullUnion = "{\"asyncInvokeSummaries\": ["
                + "{\"outputDataConfig\": null, \"x\": {\"outputDataConfig\": {\"decoy\": 1}}},"
                + "{\"outputDataConfig\": {\"second\": 1}}]}";
        // Two keys for two summaries, but the SDK saw only one union: the shortcut is not asked.
        assertThat(unionOffsets(nullUnion, 2)).hasSize(2);
        assertThat(namesAsTheListerReadsThem(nullUnion, 2, false)).containsExactly("", "second");
        String missing = "{\"asyncInvokeSummaries\": [{\"invocationArn\": \"a\"},"
                + "{\"outputDataConfig\": {\"second\": 1}}]}";
        assertThat(unionOffsets(missing, 2)).isNull();
        assertThat(namesAsTheListerReadsThem(missing, 2, false)).containsExactly("", "second");
    }

    @Test
    void shortcutChecksTheSummaryCountLikeTheFullPass() {
        String body = "{\"asyncInvokeSummaries\": [{\"outputDataConfig\": {\"a\": 1}}, {\"invocationArn\": \"b\"}]}";
        assertThatIllegalStateException().isThrownBy(() -> namesAsTheListerReadsThem(body, 3, true))
                .withMessage("the response body has 2 summaries where the SDK parsed 3");
    }

    @Test
    void decodesEscapedNamesAndToleratesWhitespace() {
        String body = "{\n  \"asyncInvokeSummaries\" : [\n    {\n      \"outputDataConfig\" : {\n"
                + "        \"caf\\u00e9Config\" : { }\n      }\n    }\n  ]\n}";
        assertThat(names(body)).containsExactly("caf\u00e9Config");
    }

    @Test
    void findsTheEndOfStringsWithEscapesAtEveryPositionOfAWord() {
        // Strings are skipped eight bytes at a time: put an escaped quote, an escaped backslash, a multi-byte
        // character and the closing quote at every offset within and across a word, before the key that counts.
        for (int offset = 0; offset < 24; offset++) {
            String padding = "x".repeat(offset);
            for (String tricky : List.of("\\\"", "\\\\", "\u00e9\u20ac", "\\\\\\\"", "")) {
                String body = "{\"asyncInvokeSummaries\": [{\"failureMessage\": \"" + padding + tricky
                        + "\", \"outputDataConfig\": {\"m" + offset + "\": {}}}]}";
                assertThat(names(body)).as("offset %d, %s", offset, tricky).containsExactly("m" + offset);
            }
        }
    }

    @Property(tries = 300)
    void agreesWithAFullParseOfTheBody(@ForAll("summaries") List<Tuple.Tuple2<String, String>> summaries) {
        // Each summary: a string value that may hold quotes, backslashes, control and non-ASCII characters, and
        // its union's member name ("" for none, "s3OutputDataConfig" for the known one).
        StringBuilder body = new StringBuilder("{\"asyncInvokeSummaries\":[");
        for (int i = 0; i < summaries.size(); i++) {
            body.append(i == 0 ? "{" : ",{").append("\"failureMessage\":");
            Json.quote(summaries.get(i).get1(), body, i % 2 == 0);
            String member = summaries.get(i).get2();
            if (!member.isEmpty()) {
                body.append(",\"outputDataConfig\":{");
                Json.quote(member, body, i % 3 == 0).append(":{\"s3Uri\":");
                Json.quote(summaries.get(i).get1(), body).append("}}");
            }
            body.append('}');
        }
        body.append("],\"nextToken\":\"t\"}");
        List<String> expected = namesByFullParse(body.toString());
        assertThat(names(body.toString())).isEqualTo(expected);
        boolean everyOneHasAUnion = summaries.stream().noneMatch(summary -> summary.get2().isEmpty());
        assertThat(namesAsTheListerReadsThem(body.toString(), summaries.size(), everyOneHasAUnion))
                .isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> summaries() {
        // "~" stands for a character outside the BMP, a surrogate pair in Java and four bytes in UTF-8.
        // "D" is what the shortcut skips to; "!" stands for the union's key with its quotes, colon and brace, "?"
        // for the key after a quote only, so that a name ending in it ends like the key.
        Arbitrary<String> text = Arbitraries.strings().withChars("\"\\/abD~!?\u00e9\u20ac\n\u0001").ofMaxLength(40)
                .map(string -> string.replace("~", "\ud83d\ude00").replace("!", "\"outputDataConfig\":{")
                        .replace("?", "\"outputDataConfig"));
        // A member named like the union key nests that key a level down, where the shortcut must not count it.
        Arbitrary<String> member = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("s3OutputDataConfig"),
                Arbitraries.just("outputDataConfig"),
                text.filter(name -> !name.isEmpty() && !name.equals("s3OutputDataConfig")));
        return Combinators.combine(text, member).as(Tuple::of).list().ofMaxSize(12);
    }

    /** What {@link UnknownMembers#names} should say, from a tree of the whole body. */
    @SuppressWarnings("unchecked")
    private static List<String> namesByFullParse(String body) {
        var root = (Map<String, Object>) Json.parse(body);
        List<String> names = new ArrayList<>();
        for (Object summary : (List<Object>) root.get("asyncInvokeSummaries")) {
            var union = (Map<String, Object>) ((Map<String, Object>) summary).get("outputDataConfig");
            names.add(union == null ? "" : union.keySet().stream()
                    .filter(name -> !name.equals("s3OutputDataConfig")).findFirst().orElse(""));
        }
        return names;
    }

    @Test
    void emptyListingHasNoNames() {
        assertThat(names("{\"asyncInvokeSummaries\": []}")).isEmpty();
        assertThat(names("{}")).isEmpty();
    }

    @Test
    void bodyCutInsideAStringIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> names("{\"asyncInvokeSummaries\": [{\"outputDataConfig\": {\"gcs"))
                .withMessage("the response body ends inside a string");
    }
}
