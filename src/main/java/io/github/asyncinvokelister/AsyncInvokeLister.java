package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.PageWalker;
import io.github.asyncinvokelister.internal.PagingToken;
import io.github.asyncinvokelister.internal.SdkPageSource;
import io.github.asyncinvokelister.internal.WalkedPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
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
 * only as items are consumed, one page at a time, on the calling thread; close a stream to end its listing.
 * Logging is through SLF4J at DEBUG, a line a page, without tokens or failure messages.
 *
 * <p>An instance is thread-safe: each call starts an independent listing.
 */
public final class AsyncInvokeLister implements AutoCloseable {
    private final BedrockRuntimeClient client;
    private final boolean ownsClient;

    private AsyncInvokeLister(BedrockRuntimeClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /**
     * A lister over a client the caller built and keeps: {@link #close()} leaves it open.
     *
     * @param client the client
     * @return the lister
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static AsyncInvokeLister create(BedrockRuntimeClient client) {
        return new AsyncInvokeLister(Objects.requireNonNull(client, "client"), false);
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
     * @throws IllegalArgumentException if the starting token is malformed; no request is made
     */
    public Stream<AsyncInvokeSummary> stream(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        PageWalker<AsyncInvokeSummary> walker = walker(query, pagination);
        return StreamSupport.stream(new ItemSpliterator(walker), false).onClose(walker::close);
    }

    /**
     * The items of a whole listing with no limit; see {@link #stream(ListAsyncInvokesQuery, PaginationConfig)}.
     *
     * @param query the filters and sort
     * @return the items, in the service's order
     * @throws NullPointerException if {@code query} is {@code null}
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
     * @throws IllegalArgumentException if the starting token is malformed; no request is made
     */
    public Stream<SummaryPage> pages(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        PageWalker<AsyncInvokeSummary> walker = walker(query, pagination);
        Spliterator<SummaryPage> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super SummaryPage> action) {
                if (!walker.hasNext()) {
                    return false;
                }
                action.accept(toSummaryPage(walker.next()));
                return true;
            }
        };
        return StreamSupport.stream(pages, false).onClose(walker::close);
    }

    /**
     * A whole listing in memory, as boto3's {@code build_full_result()}: the items, and the token to resume from
     * when {@code maxItems} stopped it early.
     *
     * @param query the filters and sort
     * @param pagination how much to fetch and where to start
     * @return the items and the resume token
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the starting token is malformed; no request is made
     */
    public ListResult list(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        PageWalker<AsyncInvokeSummary> walker = walker(query, pagination);
        List<AsyncInvokeSummary> items = new ArrayList<>();
        String nextToken = null;
        while (walker.hasNext()) {
            WalkedPage<AsyncInvokeSummary> page = walker.next();
            items.addAll(page.items());
            nextToken = page.resumeToken();
        }
        // The last page has a resume token only when maxItems ended the listing: boto3's NextToken.
        return new ListResult(items, Optional.ofNullable(nextToken));
    }

    /** Closes the client if this lister built it; a client given to {@link #create} stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private PageWalker<AsyncInvokeSummary> walker(ListAsyncInvokesQuery query, PaginationConfig pagination) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(pagination, "pagination");
        PagingToken start = pagination.startingToken().map(PagingToken::parse).orElse(PagingToken.START);
        return new PageWalker<>(new SdkPageSource(client, query), start,
                pagination.maxItems().orElse(Integer.MAX_VALUE),
                pagination.pageSize().orElse(PaginationConfig.MAX_PAGE_SIZE));
    }

    private static SummaryPage toSummaryPage(WalkedPage<AsyncInvokeSummary> page) {
        return new SummaryPage(page.items(), Optional.ofNullable(page.resumeToken()));
    }

    /** Walks the items of the walker's pages, fetching the next page only when the current one is used up. */
    private static final class ItemSpliterator extends Spliterators.AbstractSpliterator<AsyncInvokeSummary> {
        private final PageWalker<AsyncInvokeSummary> walker;
        private List<AsyncInvokeSummary> items = List.of();
        private int index;

        ItemSpliterator(PageWalker<AsyncInvokeSummary> walker) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.walker = walker;
        }

        @Override
        public boolean tryAdvance(Consumer<? super AsyncInvokeSummary> action) {
            while (index == items.size()) {
                if (!walker.hasNext()) {
                    return false;
                }
                items = walker.next().items();
                index = 0;
            }
            action.accept(items.get(index++));
            return true;
        }
    }

    /** Builds an {@link AsyncInvokeLister} that owns its client. */
    public static final class Builder {
        private Region region;
        private AwsCredentialsProvider credentialsProvider;
        private URI endpointOverride;

        private Builder() {
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
         * Builds the lister and its client.
         *
         * @return the lister
         */
        // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
        @SuppressWarnings("deprecation")
        public AsyncInvokeLister build() {
            BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                    .httpClientBuilder(ApacheHttpClient.builder());
            if (region != null) {
                builder.region(region);
            }
            if (credentialsProvider != null) {
                builder.credentialsProvider(credentialsProvider);
            }
            if (endpointOverride != null) {
                builder.endpointOverride(endpointOverride);
            }
            return new AsyncInvokeLister(builder.build(), true);
        }
    }
}
