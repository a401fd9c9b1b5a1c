package io.github.asyncinvokelister.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request the emulator received, as {@link BedrockRuntimeEmulator#requests()} lists it.
 *
 * @param method the HTTP method, such as {@code "GET"}
 * @param path the path exactly as sent, still percent-encoded (a {@code GetAsyncInvoke} path holds the ARN as
 *     {@code arn%3Aaws%3Abedrock...})
 * @param rawQuery the query string exactly as sent, without the {@code ?}; empty if there was none
 * @param queryParameters the query parameters, decoded, in the order sent (the first of repeated names)
 * @param body the body of a {@code StartAsyncInvoke} request, as UTF-8 text; empty for other requests, and for one
 *     the emulator did not read (a body over its limit)
 * @param fault the fault served, if any; see {@link Fault}
 */
public record RecordedRequest(
        String method,
        String path,
        Optional<String> rawQuery,
        Map<String, String> queryParameters,
        Optional<String> body,
        Optional<Fault> fault) {

    /**
     * Validates that no component is {@code null} and copies the map.
     *
     * @param method the HTTP method
     * @param path the path exactly as sent
     * @param rawQuery the query string exactly as sent, if any
     * @param queryParameters the decoded query parameters
     * @param body the body, if read
     * @param fault the fault served, if any
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fault, "fault");
    }

    /**
     * A request without a body.
     *
     * @param method the HTTP method
     * @param path the path exactly as sent
     * @param rawQuery the query string exactly as sent, if any
     * @param queryParameters the decoded query parameters
     * @param fault the fault served, if any
     */
    public RecordedRequest(String method, String path, Optional<String> rawQuery, Map<String, String> queryParameters,
            Optional<Fault> fault) {
        this(method, path, rawQuery, queryParameters, Optional.empty(), fault);
    }

    /**
     * Leaves the body's content out, as it holds the model input, which the service marks sensitive; the
     * {@link #body()} accessor gives it to a test that asks.
     */
    @Override
    public String toString() {
        return "RecordedRequest[method=" + method + ", path=" + path + ", rawQuery=" + rawQuery
                + ", queryParameters=" + queryParameters + ", body=" + body.map(text -> "(" + text.length()
                        + " characters)") + ", fault=" + fault + "]";
    }

    /**
     * The {@code maxResults} parameter.
     *
     * @return its value; empty if it was absent or not an integer
     */
    public Optional<Integer> maxResults() {
        try {
            return Optional.ofNullable(queryParameters.get("maxResults")).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code nextToken} parameter, decoded.
     *
     * @return its value; empty if it was absent
     */
    public Optional<String> nextToken() {
        return Optional.ofNullable(queryParameters.get("nextToken"));
    }
}
