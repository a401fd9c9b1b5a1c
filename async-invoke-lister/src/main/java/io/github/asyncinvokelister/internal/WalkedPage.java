package io.github.asyncinvokelister.internal;

import java.util.List;
import java.util.Objects;

/**
 * A page as the walker delivers it: the items left after the starting offset and the {@code maxItems} cut, and
 * what is needed to resume after any of them.
 *
 * @param items the delivered items
 * @param requestToken the service token this page was fetched with; {@code null} for the first page
 * @param offset how many of the response's items came before {@code items} (a starting token's truncate amount)
 * @param resumeToken the token that resumes after the last item; {@code null} when nothing follows
 * @param <T> the item type
 */
public record WalkedPage<T>(List<T> items, String requestToken, int offset, String resumeToken) {

    /**
     * The token that resumes with this page's first item.
     *
     * @return the token
     */
    public String startToken() {
        return new PagingToken(requestToken, offset).encode();
    }

    /**
     * The token that resumes with the item after {@code items().get(index)}: botocore's form with a truncate
     * amount, or, after the last item, {@link #resumeToken()}.
     *
     * @param index an index into {@code items()}
     * @return the token; {@code null} after the last item of a finished listing
     */
    public String resumeTokenAfter(int index) {
        Objects.checkIndex(index, items.size());
        if (index == items.size() - 1) {
            return resumeToken;
        }
        return PagingToken.encode(requestToken, offset + index + 1);
    }
}
