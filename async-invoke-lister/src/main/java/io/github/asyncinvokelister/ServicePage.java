package io.github.asyncinvokelister;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ListAsyncInvokes} response as the service sent it, from
 * {@link AsyncInvokeLister#fetchPage(ListAsyncInvokesQuery, PageRequest)}: its items, and its own {@code nextToken}.
 *
 * @param items the items, in the service's order, as many as it sent
 * @param nextToken the service's {@code nextToken} exactly as sent, for {@link PageRequest#withNextToken(String)}; absent
 *     on the last page (an empty one, which the service should not send, also ends a listing)
 */
public record ServicePage(List<AsyncInvokeSummary> items, Optional<String> nextToken) {
    /**
     * Validates the components and copies the list.
     *
     * @param items the items, in the service's order
     * @param nextToken the service's {@code nextToken} exactly as sent; absent on the last page
     */
    public ServicePage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "nextToken");
    }
}
