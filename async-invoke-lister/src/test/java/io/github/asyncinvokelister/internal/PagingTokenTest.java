package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTokenTest {

    // Expected strings from botocore 1.43.11's TokenEncoder().encode(...) for the same dicts.
    @Test
    void encodesPageBoundaryTokenAsBotocore() {
        assertThat(PagingToken.encode("abc")).isEqualTo("eyJuZXh0VG9rZW4iOiAiYWJjIn0=");
    }

    @Test
    void encodesCutOfFirstPageWithNullServiceTokenAsBotocore() {
        assertThat(PagingToken.encode(null, 3))
                .isEqualTo("eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ==");
    }

    @Test
    void encodesCutInsidePageAsBotocore() {
        assertThat(PagingToken.encode("tok/4+=", 9))
                .isEqualTo("eyJuZXh0VG9rZW4iOiAidG9rLzQrPSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDl9");
    }

    @Test
    void escapesSpecialCharactersAsPythonJsonDumps() {
        String token = "q\"\\\t\u00e9\u20ac\uD83D\uDE00\u007f/";
        assertThat(PagingToken.encode(token)).isEqualTo(
                "eyJuZXh0VG9rZW4iOiAicVwiXFxcdFx1MDBlOVx1MjBhY1x1ZDgzZFx1ZGUwMFx1MDA3Zi8ifQ==");
        String withoutWhitespace = token.replace("\t", "");
        assertThat(PagingToken.parse(PagingToken.encode(withoutWhitespace)))
                .isEqualTo(new PagingToken(withoutWhitespace, 0));
    }

    @Test
    void parsesItsOwnTokens() {
        assertThat(PagingToken.parse(PagingToken.encode("abc"))).isEqualTo(new PagingToken("abc", 0));
        assertThat(PagingToken.parse(PagingToken.encode(null, 3))).isEqualTo(new PagingToken(null, 3));
        assertThat(PagingToken.parse(PagingToken.encode("tok/4+=", 9))).isEqualTo(new PagingToken("tok/4+=", 9));
    }

    @Test
    void encodesPositionPlainlyOnlyAtPageStartWithServiceToken() {
        assertThat(new PagingToken("abc", 0).encode()).isEqualTo(PagingToken.encode("abc"));
        assertThat(new PagingToken("abc", 2).encode()).isEqualTo(PagingToken.encode("abc", 2));
        assertThat(new PagingToken(null, 0).encode()).isEqualTo(PagingToken.encode(null, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "T1___3, T1, 3",
        "None___2, , 2",
        "'T1___ 4 ', T1, 4",
        "T1___+5, T1, 5",
        "T1___x, T1___x, 0",
        "T1, T1, 0",
        "tok/4+=, tok/4+=, 0",
        "None, , 0",
    })
    void fallsBackToDeprecatedFormThenRawTokenAsBotocore(String token, String serviceToken, int skip) {
        assertThat(PagingToken.parse(token)).isEqualTo(new PagingToken(serviceToken, skip));
    }

    @Test
    void readsMissingNextTokenKeyAsStartOfListing() {
        assertThat(PagingToken.parse(base64("{\"boto_truncate_amount\": 2}"))).isEqualTo(new PagingToken(null, 2));
    }

    /**
     * "None" is a token a service may send (it is {@code \S*}); in the JSON form botocore writes no token as
     * {@code null}, so there "None" is that token, and the listing resumes with it rather than starting over. In the
     * deprecated and raw forms it is botocore's {@code str(None)}: no token (above).
     */
    @Test
    void readsNoneInTheJsonFormAsTheTokenTheServiceSent() {
        assertThat(PagingToken.parse(base64("{\"nextToken\": \"None\"}"))).isEqualTo(new PagingToken("None", 0));
        assertThat(PagingToken.parse(PagingToken.encode("None", 7))).isEqualTo(new PagingToken("None", 7));
        assertThat(PagingToken.parse(base64("{\"nextToken\": null}"))).isEqualTo(PagingToken.START);
    }

    @Test
    void toleratesLineBreaksInsideBase64AsPython() {
        String token = PagingToken.encode("abc", 4);
        String wrapped = token.substring(0, 10) + "\n" + token.substring(10);
        assertThat(PagingToken.parse(wrapped)).isEqualTo(new PagingToken("abc", 4));
    }

    @Test
    void rejectsTokenOverLimitBeforeDecodingWithoutEchoingIt() {
        String token = "A".repeat(PagingToken.MAX_TOKEN_LENGTH + 1);
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(token))
                .withMessage("startingToken is longer than " + PagingToken.MAX_TOKEN_LENGTH + " characters: "
                        + (PagingToken.MAX_TOKEN_LENGTH + 1));
    }

    /** The longest token the library can hand out: 2048 code points that each escape to 12 characters. */
    @Test
    void theLongestTokenTheLibraryHandsOutReadsBack() {
        String astral = "\uD83D\uDE00".repeat(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH);
        String token = PagingToken.encode(astral, Integer.MAX_VALUE);

        assertThat(token.length()).isLessThanOrEqualTo(PagingToken.MAX_TOKEN_LENGTH).isGreaterThan(32_000);
        assertThat(PagingToken.parse(token)).isEqualTo(new PagingToken(astral, Integer.MAX_VALUE));
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(PagingToken.encode(astral + "\u00e9")))
                .withMessage("startingToken's service token is longer than 2048 characters: 2049");
    }

    @Property(tries = 500)
    void everyTokenTheLibraryHandsOutReadsBack(@ForAll("serviceTokens") String serviceToken,
            @ForAll("truncateAmounts") int skip) {
        String boundary = PagingToken.encode(serviceToken);
        String cut = PagingToken.encode(serviceToken, skip);

        assertThat(boundary.length()).isLessThanOrEqualTo(PagingToken.MAX_TOKEN_LENGTH);
        assertThat(cut.length()).isLessThanOrEqualTo(PagingToken.MAX_TOKEN_LENGTH);
        assertThat(PagingToken.parse(boundary)).isEqualTo(new PagingToken(serviceToken, 0));
        assertThat(PagingToken.parse(cut)).isEqualTo(new PagingToken(serviceToken, skip));
        assertThat(PagingToken.parse(PagingToken.encode(null, skip))).isEqualTo(new PagingToken(null, skip));
    }

    /** Anything the model's PaginationToken allows: 1 to 2048 code points, none of them whitespace. */
    @Provide
    Arbitrary<String> serviceTokens() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0x21, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0xa1, 0xd7ff)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffd)));
        Arbitrary<String> text = codePoints.filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .list().ofMinSize(1).ofMaxSize(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH)
                .map(list -> list.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
        return Arbitraries.oneOf(text, Arbitraries.of("None", "null", "\"", "\\", "+/+/AQ==",
                "\uD83D\uDE00".repeat(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH)));
    }

    @Provide
    Arbitrary<Integer> truncateAmounts() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 999, 1000, 1001, 1200, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]                                               | JSON that is not an object",
        "\"abc\"                                              | JSON that is not an object",
        "123                                                  | JSON that is not an object",
        "{\"nextToken\": \"a\", \"extra\": 1}                 | has an unknown key",
        "{\"nextToken\": 5}                                   | must be a string or null, not a number",
        "{\"nextToken\": [\"a\"]}                             | must be a string or null, not an array",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": -1}  | must not be negative",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": 1.5} | must be an integer, not a number",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": true} | must be an integer, not a boolean",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": \"3\"} | must be an integer, not a string",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": 2147483648} | larger than any page can be",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": 99999999999999999999999} | larger than any page can be",
        "{\"nextToken\": \"\"}                                | service token is empty",
        "{\"nextToken\": \"a b\"}                             | service token contains whitespace",
    })
    void rejectsJsonOfAnotherShape(String json, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(base64(json)))
                .withMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1___-3", "None___-1"})
    void rejectsNegativeDeprecatedOffset(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(token))
                .withMessageContaining("must not be negative");
    }

    /** A page the service sends may hold more than 1000 items, and a cut falls anywhere in it. */
    @Test
    void readsTruncateAmountsBeyondOneRequestsPage() {
        assertThat(PagingToken.parse("T1___1001")).isEqualTo(new PagingToken("T1", 1001));
        assertThat(PagingToken.parse(base64("{\"nextToken\": \"T1\", \"boto_truncate_amount\": 1200}")))
                .isEqualTo(new PagingToken("T1", 1200));
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse("T1___98765432109"))
                .withMessageContaining("larger than any page can be").withMessageNotContaining("98765432109");
    }

    @Test
    void rejectsMoreThanOneDeprecatedSeparatorAsBotocore() {
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse("a___b___3"))
                .withMessageContaining("2 '___' separators");
    }

    @Test
    void rejectsRawTokenTheServiceCannotTake() {
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse("x".repeat(2049)))
                .withMessage("startingToken's service token is longer than 2048 characters: 2049");
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse("has space"))
                .withMessageContaining("whitespace");
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse("___3"))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(""))
                .withMessageContaining("empty");
    }

    @Test
    void errorMessagesNeverQuoteTheToken() {
        String secret = "SECRETSECRETSECRET";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PagingToken.parse(base64("{\"nextToken\": \"" + secret + "\", \"x\": 1}")))
                .withMessageNotContaining(secret);
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(secret + " ___1"))
                .withMessageNotContaining(secret);
    }

    /** JSON meant as a token, read strictly by jackson-core: refused whole, with the problem and not the text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"nextToken\": \"a\", \"nextToken\": \"b\"}                  | a key appears twice",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": NaN}          | NaN and Infinity",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": Infinity}     | NaN and Infinity",
        "{\"nextToken\": \"a\", \"boto_truncate_amount\": -Infinity}    | NaN and Infinity",
        "{\"nextToken\": \"a\"} {}                                       | data after its end",
        "{\"nextToken\": \"a\"} x                                        | malformed",
        "\uFEFF{\"nextToken\": \"a\"}                                   | byte order mark",
        "{                                                                   | cut short",
        "{\"nextToken\" \"a\"}                                           | malformed",
        "[1,]                                                                | malformed",
        "{\"nextToken\": \"a\", }                                        | malformed",
        "{'nextToken': 'a'}                                                  | malformed",
        "{\"nextToken\": \"\\x\"}                                      | malformed",
        "{\"nextToken\": \"\\u12\"}                                    | malformed",
        "{\"nextToken\": \"a\t\"}                                       | malformed",
        "  [[{\"nextToken\": 01}]]                                         | malformed",
    })
    void refusesJsonThatIsNotStrict(String json, String problem) {
        String token = base64(json.replace("\\t", "\t"));
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(token))
                .withMessageStartingWith("startingToken's JSON is ").withMessageContaining(problem)
                .withMessageNotContaining("nextToken\"");
    }

    @Test
    void refusesDeepNestingBeforeTheStackOverflows() {
        String deep = "{\"nextToken\": " + "[".repeat(PagingToken.MAX_DEPTH + 1) + "]".repeat(PagingToken.MAX_DEPTH + 1)
                + "}";
        // Refused at the first bracket, where a string belongs, before any depth is reached.
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(base64(deep)))
                .withMessageContaining("must be a string or null");
        String deeper = "[".repeat(3000);
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(base64(deeper)))
                .withMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void refusesNumbersLongerThanAnyTruncateAmountBeforeConvertingThem() {
        String huge = "{\"nextToken\": \"a\", \"boto_truncate_amount\": " + "9".repeat(101) + "}";
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(base64(huge)))
                .withMessageContaining("a number longer than 100 characters");
        String exponent = "{\"nextToken\": \"a\", \"boto_truncate_amount\": 1e999999999}";
        assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(base64(exponent)))
                .withMessageContaining("larger than any page can be");
    }

    /** Text that does not open like JSON is a raw service token that only happens to be base64, as in botocore. */
    @ParameterizedTest
    @ValueSource(strings = {"01", "tru", "\"\\x\"", "\"\\u12\"", "NaN", "abc def", "12 34", "\"a\" \"b\""})
    void readsTextThatIsNotJsonAsARawToken(String text) {
        String token = base64(text);
        assertThat(PagingToken.parse(token)).isEqualTo(new PagingToken(token, 0));
    }

    @Test
    void quotesLikePythonJsonDumps() {
        // json.dumps('a"\\/\x01\x7f\u00e9\U0001F600') in Python 3.11
        assertThat(PagingToken.quote("a\"\\/\u0001\u007f\u00e9\uD83D\uDE00", new StringBuilder()).toString())
                .isEqualTo("\"a\\\"\\\\/\\u0001\\u007f\\u00e9\\ud83d\\ude00\"");
    }

    /** Whatever a crafted token holds, the message names the problem and quotes none of it. */
    @Property(tries = 300)
    void messagesNameTheProblemNeverTheTokensContent(@ForAll("markers") String marker,
            @ForAll("markerDigits") String digits) {
        List<String> refused = List.of(
                base64("{\"nextToken\": \"a\", \"" + marker + "\": 1}"),
                base64("{\"nextToken\": \"" + marker + " " + marker + "\"}"),
                base64("{\"nextToken\": \"a\", \"boto_truncate_amount\": -" + digits + "}"),
                base64("{\"nextToken\": \"a\", \"boto_truncate_amount\": " + digits + digits + "}"),
                base64("{\"nextToken\": \"a\", \"boto_truncate_amount\": " + digits + ".5}"),
                base64("{\"" + marker + "\": 1, \"" + marker + "\": 2}"),
                base64("{\"nextToken\": [\"" + marker + "\"]}"),
                marker + "___-" + digits,
                marker + "___" + digits + digits,
                marker + " ___1",
                marker + "___" + marker + "___1",
                marker.repeat(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH / marker.length() + 1));
        for (String token : refused) {
            assertThatIllegalArgumentException().as(token).isThrownBy(() -> PagingToken.parse(token))
                    .withMessageStartingWith("startingToken")
                    .withMessageNotContaining(marker).withMessageNotContaining(digits);
        }
    }

    @Provide
    Arbitrary<String> markers() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofLength(12)
                .filter(m -> !m.contains("None"));
    }

    @Provide
    Arbitrary<String> markerDigits() {
        return Arbitraries.strings().withCharRange('1', '9').ofLength(11);
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
