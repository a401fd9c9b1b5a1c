package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.Pages;
import io.github.asyncinvokelister.internal.WalkedPage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The items of a listing one at a time, with a token to resume after any of them: a checkpoint for a consumer
 * that may stop, crash or move to another machine part-way.
 *
 * <pre>{@code
 * try (ListingCursor cursor = lister.cursor(query, PaginationConfig.builder().startingToken(saved).build())) {
 *     while (cursor.hasNext()) {
 *         process(cursor.next());
 *         saved = cursor.resumeToken().orElse(null);   // null: nothing is left
 *     }
 * }
 * }</pre>
 *
 * <p>Pages are fetched only when the previous one is used up. The tokens are botocore's, so boto3 and the AWS CLI
 * resume from them too. Checkpointing costs nothing per item: the token is made only when asked for. Not
 * thread-safe; close it to end the listing.
 */
public final class ListingCursor implements Iterator<AsyncInvokeSummary>, AutoCloseable {
    private final Pages<AsyncInvokeSummary> pages;
    /** Where the listing starts: the resume token until the first page is taken. */
    private final String startToken;
    private WalkedPage<AsyncInvokeSummary> page;
    private List<AsyncInvokeSummary> items = List.of();
    private int index;
    private boolean closed;

    ListingCursor(Pages<AsyncInvokeSummary> pages, String startToken) {
        this.pages = pages;
        this.startToken = startToken;
    }

    /**
     * Whether another item follows, fetching pages as needed.
     *
     * @return {@code true} if {@link #next()} has an item
     * @throws RequestFailedException if a request failed after the SDK's retries
     * @throws TokenCycleException if the service sent a token already seen in this listing
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        while (index == items.size()) {
            if (!pages.hasNext()) {
                return false;
            }
            page = pages.next();
            items = page.items();
            index = 0;
        }
        return true;
    }

    /**
     * The next item.
     *
     * @return the item
     * @throws NoSuchElementException if the listing is over
     * @throws RequestFailedException if a request failed after the SDK's retries
     * @throws TokenCycleException if the service sent a token already seen in this listing
     */
    @Override
    public AsyncInvokeSummary next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing is over");
        }
        return items.get(index++);
    }

    /**
     * The token that resumes the listing with the item after the last one {@link #next()} returned, or with the
     * first one if none was returned yet.
     *
     * @return the token; empty when nothing is left to list
     */
    public Optional<String> resumeToken() {
        if (index > 0) {
            return Optional.ofNullable(page.resumeTokenAfter(index - 1));
        }
        return Optional.of(page == null ? startToken : page.startToken());
    }

    /** Ends the listing: nothing more is fetched or returned, and {@link #resumeToken()} still says where it was. */
    @Override
    public void close() {
        closed = true;
        pages.close();
    }
}
