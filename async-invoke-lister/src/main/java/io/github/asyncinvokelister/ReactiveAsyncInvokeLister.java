package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.Paging;
import io.github.asyncinvokelister.internal.PagingToken;
import io.github.asyncinvokelister.internal.WalkedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * {@link AsyncInvokeLister}'s listings without blocking a thread, over the SDK's {@link BedrockRuntimeAsyncClient}:
 * as Reactive Streams publishers ({@link SdkPublisher}, which Reactor, RxJava and Mutiny take as they are) and as a
 * {@link CompletableFuture}.
 *
 * <pre>{@code
 * ReactiveAsyncInvokeLister lister = ReactiveAsyncInvokeLister.create(asyncClient);
 * Flux.from(lister.items(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(100).build()))
 *         .map(AsyncInvokeSummary::invocationArn)
 *         .subscribe(System.out::println);
 * }</pre>
 *
 * <p>The listing is the blocking lister's, by the same state machine: the same requests (the same
 * {@code maxResults}, one after the other), the same items in the same order, the same tokens, the same guards
 * against token cycles and endless empty pages. Each subscription is a listing of its own:
 * <ul>
 *   <li>nothing is requested from the service before the subscriber asks for something, and a new request only when
 *       the items already fetched cannot meet what it asked for; at most one request is in flight and at most one
 *       page is held;</li>
 *   <li>{@code cancel()} ends the listing and abandons the request in flight;</li>
 *   <li>a failed request ends it with {@code onError}: the {@link ListingException} the blocking lister throws, with
 *       the token that resumes after the last item delivered.</li>
 * </ul>
 * Signals come on the thread the subscriber asked for more on, or on the one a response completes on (the SDK's
 * future-completion executor unless the client was built otherwise); the lister never blocks either, and starts no
 * thread of its own. Bad arguments, and a closed lister, throw from the method itself, before any request. It is
 * thread-safe; the caller keeps the client, which {@link #close()} leaves open.
 */
public final class ReactiveAsyncInvokeLister implements AutoCloseable {
    private final BedrockRuntimeAsyncClient client;
    private final int emptyPageLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Whether the lister this one was derived from is closed; always false for one that was not. */
    private final BooleanSupplier derivedFromClosed;

    private ReactiveAsyncInvokeLister(BedrockRuntimeAsyncClient client, int emptyPageLimit,
            BooleanSupplier derivedFromClosed) {
        this.client = client;
        this.emptyPageLimit = emptyPageLimit;
        this.derivedFromClosed = derivedFromClosed;
    }

    /**
     * A lister over a client the caller built and keeps: {@link #close()} leaves it open. Any of the SDK's async HTTP
     * clients will do (Netty's, the CRT's); this library brings none.
     *
     * @param client the client
     * @return the lister
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static ReactiveAsyncInvokeLister create(BedrockRuntimeAsyncClient client) {
        return new ReactiveAsyncInvokeLister(Objects.requireNonNull(client, "client"),
                AsyncInvokeLister.DEFAULT_EMPTY_PAGE_LIMIT, () -> false);
    }

    /**
     * A lister over the same client whose listings take up to {@code limit} empty pages in a row, each with a new
     * {@code nextToken}, and fail with {@link EmptyPagesException} at the next, as
     * {@link AsyncInvokeLister#withEmptyPageLimit(int)}. Closing this lister closes it.
     *
     * @param limit 1 or more
     * @return the lister
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public ReactiveAsyncInvokeLister withEmptyPageLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("emptyPageLimit must be at least 1: " + limit);
        }
        return new ReactiveAsyncInvokeLister(client, limit, this::isClosed);
    }

    /**
     * The items of a listing, fetched page by page as they are asked for.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return a publisher of the items, in the service's order; each subscription lists anew
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public SdkPublisher<AsyncInvokeSummary> items(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        return publisher(query, pagination, WalkedPage::items);
    }

    /**
     * The pages of a listing, one a response, each with the token that resumes after it.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return a publisher of the pages; each subscription lists anew
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public SdkPublisher<SummaryPage> pages(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        return publisher(query, pagination, page -> List.of(AsyncInvokeLister.toSummaryPage(page)));
    }

    /**
     * A whole listing in memory, as {@link AsyncInvokeLister#list}: the items, and the token to resume from when
     * {@code maxItems} stopped it early. Cancelling the future ends the listing.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the result; or, completed exceptionally, the {@link ListingException} with the items gathered before
     *     it ({@link ListingException#partialItems()}) and the token that resumes after them
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public CompletableFuture<ListResult> list(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        SdkPublisher<WalkedPage<AsyncInvokeSummary>> pages = publisher(query, pagination, List::of);
        CompletableFuture<ListResult> result = new CompletableFuture<>();
        pages.subscribe(new Subscriber<WalkedPage<AsyncInvokeSummary>>() {
            private final List<AsyncInvokeSummary> items = new ArrayList<>();
            private String nextToken;

            @Override
            public void onSubscribe(Subscription subscription) {
                result.whenComplete((ignored, failure) -> {
                    if (result.isCancelled()) {
                        subscription.cancel();
                    }
                });
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(WalkedPage<AsyncInvokeSummary> page) {
                items.addAll(page.items());
                nextToken = page.resumeToken();
            }

            @Override
            public void onError(Throwable failure) {
                result.completeExceptionally(failure instanceof ListingException listing
                        ? listing.withPartialItems(items) : failure);
            }

            @Override
            public void onComplete() {
                // The last page has a resume token only when maxItems ended the listing: boto3's NextToken.
                result.complete(new ListResult(items, Optional.ofNullable(nextToken)));
            }
        });
        return result;
    }

    /**
     * Ends this lister: listings started later fail with {@link IllegalStateException}, and a listing under way fails
     * at its next page with {@link RequestFailedException}, whose token resumes there. The client stays open.
     * Closing a lister closes the ones derived from it ({@link #withEmptyPageLimit(int)}).
     */
    @Override
    public void close() {
        closed.set(true);
    }

    private <E> SdkPublisher<E> publisher(ListAsyncInvokesQuery query, PaginationConfig pagination,
            Function<WalkedPage<AsyncInvokeSummary>, List<E>> elements) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(pagination, "pagination");
        checkOpen();
        PagingToken start = pagination.start();
        return Paging.publisher(client, query, start, pagination.maxItems().orElse(Integer.MAX_VALUE),
                pagination.pageSize().orElse(PaginationConfig.MAX_PAGE_SIZE), emptyPageLimit, this::isClosed,
                elements);
    }

    /** Closed itself, or derived from a lister that is. */
    private boolean isClosed() {
        return closed.get() || derivedFromClosed.getAsBoolean();
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException("the lister is closed");
        }
    }
}
