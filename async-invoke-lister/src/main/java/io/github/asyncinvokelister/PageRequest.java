package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.ServiceLimits;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The raw paging parameters of one {@code ListAsyncInvokes} request, for
 * {@link AsyncInvokeLister#fetchPage(ListAsyncInvokesQuery, PageRequest)}: what the AWS CLI's {@code --no-paginate},
 * {@code --max-results} and {@code --next-token} send. The limits are the service model's, checked here, so a bad
 * value fails before any request.
 *
 * <pre>{@code
 * ServicePage first = lister.fetchPage(query, PageRequest.first().withMaxResults(10));
 * first.nextToken().ifPresent(token -> lister.fetchPage(query, PageRequest.first().withNextToken(token)));
 * }</pre>
 *
 * @param maxResults the {@code maxResults} to send, 1 to 1000; absent to send none (the service's default)
 * @param nextToken the service's own {@code nextToken} to send; absent for the first page
 */
public record PageRequest(OptionalInt maxResults, Optional<String> nextToken) {
    private static final PageRequest FIRST = new PageRequest(OptionalInt.empty(), Optional.empty());

    /**
     * Validates the components.
     *
     * @param maxResults the {@code maxResults} to send, 1 to 1000; absent to send none (the service's default)
     * @param nextToken the service's own {@code nextToken} to send; absent for the first page
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code maxResults} is outside 1 to 1000, or {@code nextToken} is empty,
     *     longer than 2048 characters or holds whitespace
     */
    public PageRequest {
        Objects.requireNonNull(maxResults, "maxResults");
        Objects.requireNonNull(nextToken, "nextToken");
        maxResults.ifPresent(value -> ServiceLimits.checkPageSize(value, "maxResults"));
        nextToken.ifPresent(token -> ServiceLimits.checkServiceToken(token, "nextToken"));
    }

    /**
     * The first page, with the service's default page size.
     *
     * @return the request
     */
    public static PageRequest first() {
        return FIRST;
    }

    /**
     * This request with a page size.
     *
     * @param maxResults 1 to 1000
     * @return the new request
     * @throws IllegalArgumentException if {@code maxResults} is outside 1 to 1000
     */
    public PageRequest withMaxResults(int maxResults) {
        return new PageRequest(OptionalInt.of(maxResults), nextToken);
    }

    /**
     * This request with a service token.
     *
     * @param nextToken a {@code nextToken} the service sent ({@link ServicePage#nextToken()}), or {@code null} for the
     *     first page
     * @return the new request
     * @throws IllegalArgumentException if {@code nextToken} is empty, longer than 2048 characters or holds whitespace
     */
    public PageRequest withNextToken(String nextToken) {
        return new PageRequest(maxResults, Optional.ofNullable(nextToken));
    }
}
