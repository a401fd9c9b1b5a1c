package io.github.asyncinvokelister;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing: the items one response contributed, after any starting offset or {@code maxItems}
 * cut.
 *
 * @param items the page's items, in the service's order
 * @param resumeToken a token that resumes the listing with the item after this page's last one; empty when
 *     the listing has nothing after this page
 */
public record SummaryPage(List<AsyncInvokeSummary> items, Optional<String> resumeToken) {
    /**
     * Validates the components and copies the list.
     *
     * @param items the page's items, in the service's order
     * @param resumeToken a token that resumes the listing with the item after this page's last one; empty when the listing has nothing after this page
     */
    public SummaryPage {
        items = List.copyOf(items);
        Objects.requireNonNull(resumeToken, "resumeToken");
    }
}
