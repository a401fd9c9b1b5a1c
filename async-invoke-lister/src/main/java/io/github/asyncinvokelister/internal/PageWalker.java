package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.EmptyPagesException;
import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.RequestFailedException;
import io.github.asyncinvokelister.TokenCycleException;
import java.io.InterruptedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * botocore's {@code PageIterator} for {@code ListAsyncInvokes}, with this library's deliberate changes.
 *
 * <p>Like botocore: {@code maxItems} caps the items across pages and a cut inside a page resumes with botocore's
 * truncate amount; an empty or absent {@code nextToken} ends the listing; an empty page with a token goes on.
 * Unlike botocore:
 * <ul>
 *   <li>the last request asks only for what {@code maxItems} leaves, so a cut lands on a page boundary unless the
 *       server sends more than asked (those items are kept, and cut as botocore cuts them);</li>
 *   <li>resuming inside a page asks for {@code offset + pageSize} items and skips {@code offset}, so a smaller
 *       page size neither repeats nor loses items; if that page has fewer than {@code offset} items, the rest of
 *       the offset is skipped on the next;</li>
 *   <li>a {@code nextToken} seen before anywhere in the listing, not only the previous one, fails with
 *       {@link TokenCycleException} once the page that sent it is delivered;</li>
 *   <li>more empty pages in a row than the limit, each with a new token, fail with {@link EmptyPagesException};</li>
 *   <li>a failed request, a malformed response, or the lister's closing fails with
 *       {@link RequestFailedException}, whose token resumes at the page that failed.</li>
 * </ul>
 * Nothing is fetched before the first {@link #next()}, and each call fetches exactly one page. A non-blocking caller
 * makes the request itself, between {@link #prepare()} and {@link #complete}: the same algorithm, one state machine.
 *
 * @param <T> the item type
 */
final class PageWalker<T> implements Pages<T> {
    private static final Logger LOG = LoggerFactory.getLogger(PageWalker.class);

    private final PageSource<T> source;
    private final int maxItems;
    private final int pageSize;
    private final int emptyPageLimit;
    /** Whether the lister was closed: the next page is then not fetched. */
    private final BooleanSupplier listerClosed;
    /** Fingerprints, not the tokens: 2 KiB tokens at one item a page would otherwise grow without bound. */
    private final Set<Long> seenTokens = new HashSet<>();

    private String requestToken;
    private int skip;
    private long delivered;
    private int pageNumber;
    private int emptyPagesInARow;
    private boolean done;
    private TokenCycleException pending;

    /** A walker with no limit on empty pages, whose lister is never closed: for tests of the paging itself. */
    PageWalker(PageSource<T> source, PagingToken start, int maxItems, int pageSize) {
        this(source, start, maxItems, pageSize, Integer.MAX_VALUE, () -> false);
    }

    /**
     * Creates a walker. It makes no request until {@link #next()}.
     *
     * @param source where pages come from
     * @param start where to start
     * @param maxItems the most items to deliver, or {@code Integer.MAX_VALUE} for no limit
     * @param pageSize the {@code maxResults} of each request, 1 to 1000
     * @param emptyPageLimit the most empty pages in a row, each with a new token, before the listing fails
     * @param listerClosed whether the lister was closed
     */
    PageWalker(PageSource<T> source, PagingToken start, int maxItems, int pageSize, int emptyPageLimit,
            BooleanSupplier listerClosed) {
        this.source = source;
        this.maxItems = maxItems;
        this.pageSize = pageSize;
        this.emptyPageLimit = emptyPageLimit;
        this.listerClosed = listerClosed;
        this.requestToken = start.serviceToken();
        this.skip = start.skip();
        if (requestToken != null) {
            seenTokens.add(fingerprint(requestToken));
        }
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    /**
     * Where the next page starts: the token of the next request and how many of its items to skip.
     *
     * @return the position
     */
    PagingToken position() {
        return new PagingToken(requestToken, skip);
    }

    /** Ends the walk: {@link #hasNext()} answers {@code false} from now on. */
    @Override
    public void close() {
        done = true;
    }

    /**
     * Fetches and returns the next page: {@link #prepare()}, the request, then {@link #complete}.
     *
     * @return the page
     * @throws NoSuchElementException if the walk is over
     * @throws TokenCycleException if the previous page's {@code nextToken} was seen before in this listing
     * @throws EmptyPagesException if this page made one empty page too many in a row
     * @throws RequestFailedException if the request failed, its response is malformed, or the lister was closed;
     *     the walk is then over
     */
    @Override
    public WalkedPage<T> next() {
        Request request = prepare();
        PageSource.Page<T> response;
        try {
            response = source.fetch(request.serviceToken(), request.maxResults());
        } catch (RuntimeException e) {
            throw failed(e, true);
        }
        return complete(response, request);
    }

    /**
     * The next request, for a caller that makes it itself (the non-blocking lister): then
     * {@link #complete(PageSource.Page, Request)} with its response, or {@link #failed(Throwable, boolean)} with its
     * failure. Between the two, the walker must not be used.
     *
     * @return the request to make
     * @throws NoSuchElementException if the walk is over
     * @throws TokenCycleException if the previous page's {@code nextToken} was seen before in this listing
     * @throws RequestFailedException if the lister was closed; the walk is then over
     */
    Request prepare() {
        if (done) {
            throw new NoSuchElementException("the listing is over");
        }
        if (pending != null) {
            done = true;
            throw pending;
        }
        long remaining = maxItems - delivered;
        int maxResults = (int) Math.min(ServiceLimits.MAX_PAGE_SIZE, skip + Math.min(pageSize, remaining));
        long startNanos = System.nanoTime();
        if (listerClosed.getAsBoolean()) {
            throw fail("the lister was closed", new IllegalStateException("the lister is closed"));
        }
        return new Request(requestToken, maxResults, startNanos);
    }

    /**
     * What a request that failed ends the walk with.
     *
     * @param e what the request threw, or what its future completed with (unwrapped or not)
     * @param onCallerThread whether it failed on the thread that called: only then is an interrupt the caller's,
     *     and its flag set again
     * @return the listing's exception, or the {@link IllegalArgumentException} of a starting token the service
     *     refused
     */
    RuntimeException failed(Throwable e, boolean onCallerThread) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SdkException sdk) {
            if (onCallerThread && isInterrupt(sdk)) {
                Thread.currentThread().interrupt(); // the SDK may have cleared it; the caller's code should see it
            }
            return fail("a request failed after the SDK's retries (" + sdk.getClass().getSimpleName() + ")", sdk);
        }
        if (cause instanceof MalformedPageException malformed) {
            return fail("the response to request " + (pageNumber + 1) + " is malformed: " + malformed.getMessage(),
                    malformed);
        }
        if (cause instanceof IllegalArgumentException refused) {
            done = true;
            return refused; // the service refused the caller's own starting token
        }
        // Not the SDK's: the client was closed under the listing (a RejectedExecutionException), say.
        return fail("a request failed (" + cause.getClass().getSimpleName() + ")", cause);
    }

    /**
     * The page a request's response makes.
     *
     * @param response the response to {@code request}
     * @param request what {@link #prepare()} returned
     * @return the page
     * @throws EmptyPagesException if this page made one empty page too many in a row
     */
    WalkedPage<T> complete(PageSource.Page<T> response, Request request) {
        pageNumber++;

        List<T> all = response.items();
        int start = Math.min(skip, all.size());
        List<T> items = all.subList(start, all.size());
        String nextToken = response.nextToken() == null || response.nextToken().isEmpty() ? null
                : response.nextToken();
        WalkedPage<T> page;
        if (delivered + items.size() > maxItems) {
            int keep = (int) (maxItems - delivered);
            page = new WalkedPage<>(items.subList(0, keep), requestToken, skip,
                    PagingToken.encode(requestToken, skip + keep));
            delivered = maxItems;
            done = true;
        } else {
            delivered += items.size();
            if (nextToken == null) {
                page = new WalkedPage<>(items, requestToken, skip, null);
                done = true;
            } else if (delivered == maxItems) {
                page = new WalkedPage<>(items, requestToken, skip, PagingToken.encode(nextToken));
                done = true;
            } else if (!seenTokens.add(fingerprint(nextToken))) {
                String afterLastItem = PagingToken.encode(requestToken, skip + items.size());
                page = new WalkedPage<>(items, requestToken, skip, afterLastItem);
                pending = new TokenCycleException("the service sent a nextToken already seen in this listing, after "
                        + pageNumber + " pages and " + delivered + " items; it would loop forever", afterLastItem);
            } else {
                // A page shorter than the offset (an empty one, say) leaves the rest of the offset to the next:
                // its token continues right after this page's items.
                PagingToken next = new PagingToken(nextToken, skip - start);
                page = new WalkedPage<>(items, requestToken, skip, next.encode());
                requestToken = nextToken;
                skip = next.skip();
                emptyPagesInARow = all.isEmpty() ? emptyPagesInARow + 1 : 0;
                if (emptyPagesInARow > emptyPageLimit) {
                    done = true;
                    throw new EmptyPagesException("the service sent " + emptyPagesInARow + " empty pages in a row,"
                            + " each with a new nextToken, after " + (pageNumber - emptyPagesInARow) + " pages and "
                            + delivered + " items; the limit is " + emptyPageLimit, next.encode());
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("page {}: {} items, has next: {}, {} ms", pageNumber, page.items().size(), !done,
                    (System.nanoTime() - request.startNanos()) / 1_000_000);
        }
        return page;
    }

    /**
     * One request of the walk.
     *
     * @param serviceToken the service's {@code nextToken} to send, or {@code null} for the first page
     * @param maxResults the {@code maxResults} to send, 1 to 1000
     * @param startNanos when it was prepared, for the log
     */
    record Request(String serviceToken, int maxResults, long startNanos) {
    }

    /** Ends the walk with the listing's exception for a request that failed, resuming at that request's page. */
    private ListingException fail(String why, Throwable cause) {
        done = true;
        return new RequestFailedException("the listing stopped after " + pageNumber + " pages and " + delivered
                + " items: " + why, position().encode(), cause);
    }

    /** Whether the SDK gave up because the thread was interrupted. */
    private static boolean isInterrupt(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException
                    || t instanceof InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** 64-bit FNV-1a over the token's characters; a false match needs about 2^32 pages. */
    private static long fingerprint(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash = (hash ^ token.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
