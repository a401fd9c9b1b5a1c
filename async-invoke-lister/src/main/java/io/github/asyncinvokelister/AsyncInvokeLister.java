package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.Pages;
import io.github.asyncinvokelister.internal.Paging;
import io.github.asyncinvokelister.internal.PagingToken;
import io.github.asyncinvokelister.internal.WalkedPage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Lists Amazon Bedrock asynchronous invocations ({@code ListAsyncInvokes}) with boto3's paging semantics, as a
 * lazy {@link Stream}.
 *
 * <pre>{@code
 * try (AsyncInvokeLister lister = AsyncInvokeLister.builder().region(Region.US_EAST_1).build();
 *      Stream<AsyncInvokeSummary> failed = lister.stream(
 *          ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.FAILED).build(),
 *          PaginationConfig.builder().maxItems(100).build())) {
 *     failed.forEach(s -> System.out.println(s.invocationArn()));
 * }
 * }</pre>
 *
 * <p>Paging follows botocore's paginator ({@link PaginationConfig} has the details) and its tokens are
 * botocore's, so a token from here resumes in boto3 or the AWS CLI and theirs resume here. Requests are made
 * only as items are consumed, one page at a time, on the calling thread; close a stream to end its listing. With
 * {@link #withPrefetch(int)} the next pages are fetched in the background while the current one is consumed.
 * Logging is through SLF4J at DEBUG, a line a page, without tokens or failure messages.
 *
 * <p>When a request fails after the SDK's retries, a listing throws {@link RequestFailedException} with the SDK's
 * exception as cause; when the service sends a {@code nextToken} already seen, {@link TokenCycleException}. Both are
 * {@link ListingException}s, which streams throw from their terminal operation, at the item where the listing
 * stopped, with the token that resumes just after the last item delivered.
 *
 * <p>An instance is thread-safe: each call starts an independent listing.
 */
public final class AsyncInvokeLister implements AutoCloseable {
    /** The most pages {@link #withPrefetch(int)} fetches ahead. */
    public static final int MAX_PREFETCH_DEPTH = 4;
    /**
     * How many empty pages in a row, each with a new {@code nextToken}, a listing takes before it fails with
     * {@link EmptyPagesException}, unless {@link #withEmptyPageLimit(int)} says otherwise: enough for a service that
     * scans past what a filter leaves out, few enough that a broken one costs seconds, not a night of requests.
     */
    public static final int DEFAULT_EMPTY_PAGE_LIMIT = 100;

    private final BedrockRuntimeClient client;
    private final boolean ownsClient;
    /** Pages fetched ahead of the consumer; 0 for none. */
    private final int prefetchDepth;
    private final Executor prefetchExecutor;
    private final int emptyPageLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Whether the lister this one was derived from is closed; always false for one that was not. */
    private final BooleanSupplier derivedFromClosed;

    private AsyncInvokeLister(BedrockRuntimeClient client, boolean ownsClient, int prefetchDepth,
            Executor prefetchExecutor, int emptyPageLimit, BooleanSupplier derivedFromClosed) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.prefetchDepth = prefetchDepth;
        this.prefetchExecutor = prefetchExecutor;
        this.emptyPageLimit = emptyPageLimit;
        this.derivedFromClosed = derivedFromClosed;
    }

    /**
     * A lister over a client the caller built and keeps: {@link #close()} leaves it open.
     *
     * @param client the client
     * @return the lister
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static AsyncInvokeLister create(BedrockRuntimeClient client) {
        return new AsyncInvokeLister(Objects.requireNonNull(client, "client"), false, 0, null,
                DEFAULT_EMPTY_PAGE_LIMIT, () -> false);
    }

    /**
     * A lister over the same client that fetches up to {@code depth} pages ahead of the consumer, on shared
     * daemon threads, so that the consumer's work on one page overlaps the request for the next. Requests,
     * tokens and item order are the same as without read-ahead, and a failure surfaces at the item where it would
     * have without it; closing a stream or cursor abandons the request in flight. The new lister does not own the
     * client: closing it leaves the client open, and closing this lister (if it owns the client) ends both.
     *
     * <pre>{@code
     * AsyncInvokeLister ahead = lister.withPrefetch(2);
     * try (Stream<AsyncInvokeSummary> items = ahead.stream(query, PaginationConfig.none())) {
     *     items.forEach(this::slowWork);   // the next page is on its way meanwhile
     * }
     * }</pre>
     *
     * @param depth how many pages to fetch ahead, 1 to {@value #MAX_PREFETCH_DEPTH}
     * @return the lister
     * @throws IllegalArgumentException if {@code depth} is outside 1 to {@value #MAX_PREFETCH_DEPTH}
     */
    public AsyncInvokeLister withPrefetch(int depth) {
        return withPrefetch(depth, DefaultPrefetchExecutor.INSTANCE);
    }

    /**
     * {@link #withPrefetch(int)} on the caller's executor: one task at a time per listing, which fetches pages until
     * {@code depth} are waiting for the consumer or the listing is over.
     *
     * @param depth how many pages to fetch ahead, 1 to {@value #MAX_PREFETCH_DEPTH}
     * @param executor where the fetches run; a listing whose executor refuses a task fails with its
     *     {@link java.util.concurrent.RejectedExecutionException}
     * @return the lister
     * @throws IllegalArgumentException if {@code depth} is outside 1 to {@value #MAX_PREFETCH_DEPTH}
     * @throws NullPointerException if {@code executor} is {@code null}
     */
    public AsyncInvokeLister withPrefetch(int depth, Executor executor) {
        if (depth < 1 || depth > MAX_PREFETCH_DEPTH) {
            throw new IllegalArgumentException("prefetch depth must be between 1 and " + MAX_PREFETCH_DEPTH + ": "
                    + depth);
        }
        return new AsyncInvokeLister(client, false, depth, Objects.requireNonNull(executor, "executor"),
                emptyPageLimit, this::isClosed);
    }

    /**
     * A lister over the same client whose listings take up to {@code limit} empty pages in a row, each with a new
     * {@code nextToken}, and fail with {@link EmptyPagesException} at the next; {@value #DEFAULT_EMPTY_PAGE_LIMIT}
     * by default. It keeps this lister's read-ahead, and closing this lister closes it, as for
     * {@link #withPrefetch(int)}.
     *
     * @param limit 1 or more
     * @return the lister
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public AsyncInvokeLister withEmptyPageLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("emptyPageLimit must be at least 1: " + limit);
        }
        return new AsyncInvokeLister(client, false, prefetchDepth, prefetchExecutor, limit, this::isClosed);
    }

    /**
     * A builder for a lister that builds, and on {@link #close()} closes, its own client on the SDK's
     * {@link ApacheHttpClient}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The items of a listing, fetched lazily page by page. Use it in try-with-resources: closing the stream ends
     * the listing.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the items, in the service's order
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public Stream<AsyncInvokeSummary> stream(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        ListingCursor cursor = cursor(query, pagination);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(cursor::close);
    }

    /**
     * The items of a listing one at a time, with a token to resume after any of them. Use it in
     * try-with-resources: closing it ends the listing.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the cursor, positioned before the first item
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public ListingCursor cursor(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        PagingToken start = start(query, pagination);
        return new ListingCursor(pages(query, pagination, start), start.encode());
    }

    /**
     * The items of a whole listing with no limit; see {@link #stream(ListAsyncInvokesQuery, PaginationConfig)}.
     *
     * @param query the filters and sort
     * @return the items, in the service's order
     * @throws NullPointerException if {@code query} is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public Stream<AsyncInvokeSummary> stream(ListAsyncInvokesQuery query) {
        return stream(query, PaginationConfig.none());
    }

    /**
     * The pages of a listing, fetched lazily, each with the token that resumes after it. Use it in
     * try-with-resources: closing the stream ends the listing.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the pages, one a response
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     */
    public Stream<SummaryPage> pages(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        Pages<AsyncInvokeSummary> pages = pages(query, pagination, start(query, pagination));
        Spliterator<SummaryPage> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super SummaryPage> action) {
                if (!pages.hasNext()) {
                    return false;
                }
                action.accept(toSummaryPage(pages.next()));
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(pages::close);
    }

    /**
     * A whole listing in memory, as boto3's {@code build_full_result()}: the items, and the token to resume from
     * when {@code maxItems} stopped it early.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the items and the resume token
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     * @throws RequestFailedException if a request failed after the SDK's retries; it carries the items gathered so
     *     far ({@link ListingException#partialItems()}) and the token that resumes after them
     * @throws TokenCycleException if the service sent a token already seen in this listing; likewise
     */
    public ListResult list(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        List<AsyncInvokeSummary> items = new ArrayList<>();
        String nextToken = null;
        try (Pages<AsyncInvokeSummary> pages = pages(query, pagination, start(query, pagination))) {
            while (pages.hasNext()) {
                WalkedPage<AsyncInvokeSummary> page = pages.next();
                items.addAll(page.items());
                nextToken = page.resumeToken();
            }
        } catch (ListingException e) {
            throw e.withPartialItems(items);
        }
        // The last page has a resume token only when maxItems ended the listing: boto3's NextToken.
        return new ListResult(items, Optional.ofNullable(nextToken));
    }

    /**
     * One {@code ListAsyncInvokes} request with the raw paging parameters, and the response as the service sent it,
     * with its own {@code nextToken}: what the AWS CLI's {@code --no-paginate} prints. No {@code maxItems}, no
     * resume tokens, no cycle guard; for a listing, use the other methods.
     *
     * <pre>{@code
     * ServicePage page = lister.fetchPage(query, PageRequest.first().withMaxResults(100));
     * while (page.nextToken().isPresent()) {
     *     page = lister.fetchPage(query, PageRequest.first().withMaxResults(100).withNextToken(page.nextToken().get()));
     * }
     * }</pre>
     *
     * @param query the filters and sort
     * @param request the {@code maxResults} and {@code nextToken} to send
     * @return the response's items and token
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the lister is closed
     * @throws IllegalArgumentException if the service refused the {@code nextToken}; the cause has its message
     * @throws RequestFailedException if the request failed after the SDK's retries; its {@code resumeToken()}
     *     starts a listing (as a {@code startingToken}) at this page
     */
    public ServicePage fetchPage(ListAsyncInvokesQuery query, PageRequest request) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(request, "request");
        checkOpen();
        return Paging.fetchPage(client, query, request);
    }

    /**
     * Closes the client if this lister built it; a client given to {@link #create} stays open. Listings started
     * later fail with {@link IllegalStateException}; a listing under way fails at its next page, or in the request in
     * flight, with {@link RequestFailedException}, whose token resumes there with another lister. Closing a lister
     * that owns its client closes the ones derived from it ({@link #withPrefetch(int)},
     * {@link #withEmptyPageLimit(int)}) too; closing a derived one leaves the one it came from open.
     */
    @Override
    public void close() {
        closed.set(true);
        if (ownsClient) {
            client.close();
        }
    }

    /**
     * One invocation by {@code GetAsyncInvoke}, for {@link AsyncInvokeWatcher}: an invocation that left a listing's
     * window is read alone.
     *
     * @return its summary; empty if the service does not know the ARN
     * @throws IllegalStateException if the lister is closed
     * @throws RequestFailedException if the request failed after the SDK's retries
     */
    Optional<AsyncInvokeSummary> get(String invocationArn) {
        checkOpen();
        return Paging.get(client, invocationArn);
    }

    /**
     * This lister without read-ahead, for {@link AsyncInvokeWatcher}, which counts its requests: a page fetched ahead
     * that it stops before would be a request for nothing.
     */
    AsyncInvokeLister withoutPrefetch() {
        return prefetchDepth == 0 ? this
                : new AsyncInvokeLister(client, false, 0, null, emptyPageLimit, this::isClosed);
    }

    /** The client listings go through; for tests of ownership. */
    BedrockRuntimeClient client() {
        return client;
    }

    /**
     * Checks the arguments and reads the starting token, which {@link PaginationConfig} has already checked:
     * everything that can fail before a request.
     */
    private PagingToken start(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(pagination, "pagination");
        checkOpen();
        return pagination.start();
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

    private Pages<AsyncInvokeSummary> pages(ListAsyncInvokesQuery query, PaginationConfig pagination,
            PagingToken start) {
        return Paging.pages(client, query, start, pagination.maxItems().orElse(Integer.MAX_VALUE),
                pagination.pageSize().orElse(PaginationConfig.MAX_PAGE_SIZE), emptyPageLimit, prefetchDepth,
                prefetchExecutor, this::isClosed);
    }

    static SummaryPage toSummaryPage(WalkedPage<AsyncInvokeSummary> page) {
        return new SummaryPage(page.items(), Optional.ofNullable(page.resumeToken()));
    }

    /** Daemon threads for read-ahead, made on first use, so a forgotten listing never keeps a JVM alive. */
    private static final class DefaultPrefetchExecutor {
        private static final AtomicInteger THREADS = new AtomicInteger();
        static final Executor INSTANCE = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "async-invoke-lister-prefetch-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Builds an {@link AsyncInvokeLister} that owns its client. Retries and timeouts are the SDK's, with these
     * defaults: the {@link RetryMode#STANDARD standard} retry strategy (exponential backoff with jitter, throttling
     * retried with a longer base delay), {@value #DEFAULT_MAX_ATTEMPTS} attempts a request, each attempt cut off
     * after {@link #DEFAULT_API_CALL_ATTEMPT_TIMEOUT 30 seconds} and a request with its retries after
     * {@link #DEFAULT_API_CALL_TIMEOUT 2 minutes}, so a server that hangs cannot hang a listing.
     */
    public static final class Builder {
        /** Attempts a request gets, retries included, unless {@link #maxAttempts(int)} says otherwise. */
        public static final int DEFAULT_MAX_ATTEMPTS = 3;
        /** How long one attempt may take, unless {@link #apiCallAttemptTimeout(Duration)} says otherwise. */
        public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
        /** How long a request with its retries may take, unless {@link #apiCallTimeout(Duration)} says otherwise. */
        public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMinutes(2);

        private Region region;
        private AwsCredentialsProvider credentialsProvider;
        private URI endpointOverride;
        private RetryMode retryMode = RetryMode.STANDARD;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration apiCallAttemptTimeout = DEFAULT_API_CALL_ATTEMPT_TIMEOUT;
        private Duration apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;
        private int emptyPageLimit = DEFAULT_EMPTY_PAGE_LIMIT;

        private Builder() {
        }

        /**
         * How many empty pages in a row, each with a new token, a listing takes; see
         * {@link AsyncInvokeLister#withEmptyPageLimit(int)}.
         *
         * @param emptyPageLimit 1 or more; {@value AsyncInvokeLister#DEFAULT_EMPTY_PAGE_LIMIT} by default
         * @return this builder
         * @throws IllegalArgumentException if {@code emptyPageLimit} is below 1
         */
        public Builder emptyPageLimit(int emptyPageLimit) {
            if (emptyPageLimit < 1) {
                throw new IllegalArgumentException("emptyPageLimit must be at least 1: " + emptyPageLimit);
            }
            this.emptyPageLimit = emptyPageLimit;
            return this;
        }

        /**
         * The region to call; the SDK's default region chain when unset.
         *
         * @param region the region
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * The credentials; the SDK's default credentials chain when unset.
         *
         * @param credentialsProvider the provider
         * @return this builder
         */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /**
         * An endpoint to call instead of the region's, such as an emulator's.
         *
         * @param endpointOverride the endpoint URI
         * @return this builder
         */
        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /**
         * The SDK's retry strategy: {@link RetryMode#STANDARD} (the default) or {@link RetryMode#ADAPTIVE_V2},
         * which also rate-limits the client after throttling.
         *
         * @param retryMode the mode
         * @return this builder
         * @throws NullPointerException if {@code retryMode} is {@code null}
         */
        public Builder retryMode(RetryMode retryMode) {
            this.retryMode = Objects.requireNonNull(retryMode, "retryMode");
            return this;
        }

        /**
         * How many attempts a request gets, the first included; 1 turns retries off.
         *
         * @param maxAttempts at least 1; {@value #DEFAULT_MAX_ATTEMPTS} by default
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * How long one HTTP attempt may take before it is abandoned (and retried).
         *
         * @param apiCallAttemptTimeout a positive duration; 30 seconds by default
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder apiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
            this.apiCallAttemptTimeout = positive(apiCallAttemptTimeout, "apiCallAttemptTimeout");
            return this;
        }

        /**
         * How long a request may take with all its retries before the listing fails with
         * {@link RequestFailedException}.
         *
         * @param apiCallTimeout a positive duration; 2 minutes by default
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = positive(apiCallTimeout, "apiCallTimeout");
            return this;
        }

        /**
         * Builds the lister and its client.
         *
         * @return the lister
         */
        // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
        @SuppressWarnings("deprecation")
        public AsyncInvokeLister build() {
            RetryStrategy retryStrategy = AwsRetryStrategy.forRetryMode(retryMode).toBuilder()
                    .maxAttempts(maxAttempts).build();
            BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .overrideConfiguration(o -> o.retryStrategy(retryStrategy)
                            .apiCallAttemptTimeout(apiCallAttemptTimeout)
                            .apiCallTimeout(apiCallTimeout));
            if (region != null) {
                builder.region(region);
            }
            if (credentialsProvider != null) {
                builder.credentialsProvider(credentialsProvider);
            }
            if (endpointOverride != null) {
                builder.endpointOverride(endpointOverride);
            }
            return new AsyncInvokeLister(builder.build(), true, 0, null, emptyPageLimit, () -> false);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
