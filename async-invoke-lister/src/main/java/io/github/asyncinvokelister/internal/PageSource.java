package io.github.asyncinvokelister.internal;

import java.util.List;
import java.util.Objects;

/**
 * The one request the paging algorithm needs: fetch the page at a service token. Keeping it apart from
 * {@link PageWalker} lets the algorithm be tested without HTTP and run over the SDK without knowing it.
 *
 * @param <T> the item type
 */
@FunctionalInterface
interface PageSource<T> {

    /**
     * Fetches one page.
     *
     * @param serviceToken the service's {@code nextToken}, or {@code null} for the first page
     * @param maxResults the {@code maxResults} to send, 1 to 1000
     * @return the page as the service sent it
     */
    Page<T> fetch(String serviceToken, int maxResults);

    /**
     * A response as the service sent it.
     *
     * @param items the items, possibly more than asked for
     * @param nextToken the service's {@code nextToken}: {@code null} or empty at the end
     * @param <T> the item type
     */
    record Page<T>(List<T> items, String nextToken) {
        /**
         * Validates that the items are not {@code null}.
         *
         * @param items the items, possibly more than asked for
         * @param nextToken the service's {@code nextToken}: {@code null} or empty at the end
         */
        public Page {
            Objects.requireNonNull(items, "items");
        }
    }
}
