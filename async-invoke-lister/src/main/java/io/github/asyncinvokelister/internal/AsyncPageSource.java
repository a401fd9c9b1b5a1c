package io.github.asyncinvokelister.internal;

import java.util.concurrent.CompletableFuture;

/**
 * {@link PageSource}'s one request, without blocking: what the non-blocking lister drives the same walker with.
 *
 * @param <T> the item type
 */
@FunctionalInterface
interface AsyncPageSource<T> {

    /**
     * Starts fetching one page.
     *
     * @param serviceToken the service's {@code nextToken}, or {@code null} for the first page
     * @param maxResults the {@code maxResults} to send, 1 to 1000
     * @return the page as the service sent it, or the failure; cancelling it abandons the request
     */
    CompletableFuture<PageSource.Page<T>> fetchAsync(String serviceToken, int maxResults);
}
