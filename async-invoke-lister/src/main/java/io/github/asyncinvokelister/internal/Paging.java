package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PageRequest;
import io.github.asyncinvokelister.RequestFailedException;
import io.github.asyncinvokelister.ServicePage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Where the public API meets the paging engine: the one way in to a listing's pages, and to a single raw request,
 * so that the walker, the read-ahead and the SDK adapter stay package-private.
 */
public final class Paging {
    private Paging() {
    }

    /**
     * The pages of one listing over the SDK. Nothing is fetched before the first {@code hasNext()}.
     *
     * @param client the client; not closed here
     * @param query the filters and sort
     * @param start where to start
     * @param maxItems the most items to deliver, or {@code Integer.MAX_VALUE} for no limit
     * @param pageSize the {@code maxResults} of each request, 1 to 1000
     * @param emptyPageLimit the most empty pages in a row, each with a new token, before the listing fails
     * @param prefetchDepth how many pages to fetch ahead on {@code executor}; 0 for none
     * @param executor where read-ahead runs; unused when {@code prefetchDepth} is 0
     * @param listerClosed whether the lister was closed: the listing fails at its next page
     * @return the pages
     */
    public static Pages<AsyncInvokeSummary> pages(BedrockRuntimeClient client, ListAsyncInvokesQuery query,
            PagingToken start, int maxItems, int pageSize, int emptyPageLimit, int prefetchDepth, Executor executor,
            BooleanSupplier listerClosed) {
        PageWalker<AsyncInvokeSummary> walker = new PageWalker<>(
                new SdkPageSource(client, query, start.serviceToken(), "startingToken"), start, maxItems, pageSize,
                emptyPageLimit, listerClosed);
        return prefetchDepth == 0 ? walker : new PrefetchingPages<>(walker, prefetchDepth, executor);
    }

    /**
     * A listing over the SDK's non-blocking client, as a publisher: each subscription walks the listing that
     * {@link #pages} would, with the same walker, and makes its requests without blocking.
     *
     * @param client the client; not closed here
     * @param query the filters and sort
     * @param start where to start
     * @param maxItems the most items to deliver, or {@code Integer.MAX_VALUE} for no limit
     * @param pageSize the {@code maxResults} of each request, 1 to 1000
     * @param emptyPageLimit the most empty pages in a row, each with a new token, before the listing fails
     * @param listerClosed whether the lister was closed: a subscription then fails at once, and a listing under way
     *     at its next page
     * @param elements the elements a page makes
     * @param <E> the element type
     * @return the publisher
     */
    public static <E> SdkPublisher<E> publisher(BedrockRuntimeAsyncClient client, ListAsyncInvokesQuery query,
            PagingToken start, int maxItems, int pageSize, int emptyPageLimit, BooleanSupplier listerClosed,
            Function<WalkedPage<AsyncInvokeSummary>, List<E>> elements) {
        return new ListingPublisher<>(() -> {
            if (listerClosed.getAsBoolean()) {
                throw new IllegalStateException("the lister is closed");
            }
            SdkPageSource source = new SdkPageSource(client, query, start.serviceToken(), "startingToken");
            return new ListingPublisher.Listing<>(new PageWalker<>(source, start, maxItems, pageSize, emptyPageLimit,
                    listerClosed), source);
        }, elements);
    }

    /**
     * One invocation, by {@code GetAsyncInvoke}.
     *
     * @param client the client; not closed here
     * @param invocationArn the invocation's ARN
     * @return its summary; empty if the service does not know the ARN
     * @throws RequestFailedException if the request failed after the SDK's retries, or its response is malformed
     */
    public static Optional<AsyncInvokeSummary> get(BedrockRuntimeClient client, String invocationArn) {
        try {
            return GetInvocation.get(client, invocationArn);
        } catch (SdkException e) {
            throw new RequestFailedException("GetAsyncInvoke failed after the SDK's retries ("
                    + e.getClass().getSimpleName() + ")", null, e);
        } catch (MalformedPageException e) {
            throw new RequestFailedException("the GetAsyncInvoke response is malformed: " + e.getMessage(), null, e);
        }
    }

    /**
     * One request with the raw paging parameters.
     *
     * @param client the client; not closed here
     * @param query the filters and sort
     * @param request the raw {@code maxResults} and {@code nextToken}
     * @return the response's items and its own token
     * @throws IllegalArgumentException if the service refused the {@code nextToken}
     * @throws RequestFailedException if the request failed after the SDK's retries; its token resumes a listing
     *     at this page
     */
    public static ServicePage fetchPage(BedrockRuntimeClient client, ListAsyncInvokesQuery query,
            PageRequest request) {
        String nextToken = request.nextToken().orElse(null);
        Integer maxResults = request.maxResults().isPresent() ? request.maxResults().getAsInt() : null;
        PageSource.Page<AsyncInvokeSummary> page;
        try {
            page = new SdkPageSource(client, query, nextToken, "nextToken").fetch(nextToken, maxResults);
        } catch (SdkException e) {
            throw new RequestFailedException("the request failed after the SDK's retries ("
                    + e.getClass().getSimpleName() + ")", new PagingToken(nextToken, 0).encode(), e);
        } catch (MalformedPageException e) {
            throw new RequestFailedException("the response is malformed: " + e.getMessage(),
                    new PagingToken(nextToken, 0).encode(), e);
        }
        return new ServicePage(page.items(), Optional.ofNullable(page.nextToken()));
    }
}
