package io.github.asyncinvokelister.internal;

import java.util.Iterator;

/**
 * The pages of one listing, in order, fetched on demand or ahead: what the public listing views are built on.
 *
 * @param <T> the item type
 */
public interface Pages<T> extends Iterator<WalkedPage<T>>, AutoCloseable {

    /** Ends the listing: nothing more is fetched, and what is in flight is abandoned. */
    @Override
    void close();
}
