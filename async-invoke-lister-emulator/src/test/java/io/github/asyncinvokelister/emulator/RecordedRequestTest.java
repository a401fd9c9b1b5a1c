package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {

    @Test
    void maxResultsIsEmptyWhenAbsentOrNotAnInteger() {
        assertThat(request(Map.of()).maxResults()).isEmpty();
        assertThat(request(Map.of("maxResults", "ten")).maxResults()).isEmpty();
        assertThat(request(Map.of("maxResults", "10")).maxResults()).contains(10);
    }

    @Test
    void nextTokenIsTheDecodedParameter() {
        assertThat(request(Map.of("nextToken", "+/+/a==")).nextToken()).contains("+/+/a==");
        assertThat(request(Map.of()).nextToken()).isEmpty();
    }

    @Test
    void theParametersAreAnUnmodifiableCopyInTheirOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "1");
        params.put("a", "2");
        RecordedRequest request = request(params);
        params.put("c", "3");

        assertThat(request.queryParameters().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> request.queryParameters().put("d", "4"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static RecordedRequest request(Map<String, String> params) {
        return new RecordedRequest("GET", "/async-invoke", Optional.empty(), params, Optional.empty());
    }
}
