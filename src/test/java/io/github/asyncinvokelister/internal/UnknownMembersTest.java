package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        assertThat(names(body.toString())).isEqualTo(namesByFullParse(body.toString()));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> summaries() {
        // "~" stands for a character outside the BMP, a surrogate pair in Java and four bytes in UTF-8.
        Arbitrary<String> text = Arbitraries.strings().withChars("\"\\/ab~\u00e9\u20ac\n\u0001").ofMaxLength(40)
                .map(string -> string.replace("~", "\ud83d\ude00"));
        Arbitrary<String> member = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("s3OutputDataConfig"),
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
