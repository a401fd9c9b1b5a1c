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
 * @param fault the fault served, if any; see {@link Fault}
 */
public record RecordedRequest(
        String method,
        String path,
        Optional<String> rawQuery,
        Map<String, String> queryParameters,
        Optional<Fault> fault) {

    /**
     * Validates that no component is {@code null} and copies the map.
     *
     * @param method the HTTP method
     * @param path the path exactly as sent
     * @param rawQuery the query string exactly as sent, if any
     * @param queryParameters the decoded query parameters
     * @param fault the fault served, if any
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        Objects.requireNonNull(fault, "fault");
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
