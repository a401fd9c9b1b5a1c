package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
