package io.github.asyncinvokelister;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole listing in memory: what boto3's {@code build_full_result()} returns.
 *
 * @param items every item of the listing, in order
 * @param nextToken present when {@code maxItems} stopped the listing before its end: the token that resumes
 *     it (boto3's {@code NextToken}, and interchangeable with it)
 */
public record ListResult(List<AsyncInvokeSummary> items, Optional<String> nextToken) {
    /**
     * Validates the components and copies the list.
     *
     * @param items every item of the listing, in order
     * @param nextToken present when {@code maxItems} stopped the listing before its end: the token that resumes it (boto3's {@code NextToken}, and interchangeable with it)
     */
    public ListResult {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "nextToken");
    }
}
