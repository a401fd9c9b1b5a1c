package io.github.asyncinvokelister;

import io.github.asyncinvokelister.internal.PagingToken;
import io.github.asyncinvokelister.internal.ServiceLimits;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How much of a listing to fetch and where to start: boto3's {@code PaginationConfig}, with the same meanings.
 *
 * <ul>
 *   <li>{@code maxItems}: the most items the listing yields in total. When it stops a listing early, the
 *       listing hands back a token to resume from ({@link ListResult#nextToken()}).</li>
 *   <li>{@code pageSize}: the {@code maxResults} of each request, 1 to 1000. Unlike boto3, which then leaves
 *       the service's default, an absent page size asks for 1000 items a request: the fewest round trips.</li>
 *   <li>{@code startingToken}: where to resume. It takes a token from this library, from boto3 or from the
 *       AWS CLI (their {@code NextToken}), botocore's deprecated {@code TOKEN___OFFSET} form, or a raw
 *       service {@code nextToken}.</li>
 * </ul>
 *
 * <pre>{@code
 * PaginationConfig firstFifty = PaginationConfig.builder().maxItems(50).pageSize(25).build();
 * ListResult result = lister.list(query, firstFifty);
 * result.nextToken().ifPresent(token -> {
 *     ListResult next = lister.list(query, firstFifty.withStartingToken(token));
 * });
 * }</pre>
 *
 * @param maxItems the most items to yield in total
 * @param pageSize the {@code maxResults} of each request
 * @param startingToken the token to resume from
 */
public record PaginationConfig(OptionalInt maxItems, OptionalInt pageSize, Optional<String> startingToken) {

    /** The largest {@code maxResults} the service accepts. */
    public static final int MAX_PAGE_SIZE = ServiceLimits.MAX_PAGE_SIZE;

    private static final PaginationConfig NONE = new PaginationConfig(OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty());
    /**
     * Validates the components.
     *
     * @param maxItems the most items to yield in total
     * @param pageSize the {@code maxResults} of each request
     * @param startingToken the token to resume from
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code maxItems} is below 1, {@code pageSize} outside 1 to 1000, or the
     *     starting token is malformed or names a service token or offset the service cannot take (the message names
     *     the problem, never the token)
     */
    public PaginationConfig {
        Objects.requireNonNull(maxItems, "maxItems");
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(startingToken, "startingToken");
        if (maxItems.isPresent() && maxItems.getAsInt() < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1: " + maxItems.getAsInt());
        }
        pageSize.ifPresent(value -> ServiceLimits.checkPageSize(value, "pageSize"));
        startingToken.ifPresent(PagingToken::parse);
    }

    /**
     * Where a listing with this config starts: its starting token, read (the constructor has checked it), or the
     * start. For both listers.
     *
     * @return the position
     */
    PagingToken start() {
        return startingToken.map(PagingToken::parse).orElse(PagingToken.START);
    }

    /**
     * No limit, the default page size, from the start.
     *
     * @return the config
     */
    public static PaginationConfig none() {
        return NONE;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxItems = maxItems.isPresent() ? maxItems.getAsInt() : null;
        builder.pageSize = pageSize.isPresent() ? pageSize.getAsInt() : null;
        builder.startingToken = startingToken.orElse(null);
        return builder;
    }

    /**
     * This config with another starting token.
     *
     * @param startingToken the token to resume from, or {@code null} to start from the beginning
     * @return the new config
     * @throws IllegalArgumentException if the token is malformed, as for the constructor
     */
    public PaginationConfig withStartingToken(String startingToken) {
        return new PaginationConfig(maxItems, pageSize, Optional.ofNullable(startingToken));
    }

    /**
     * This config with another item limit.
     *
     * @param maxItems the most items to yield, at least 1
     * @return the new config
     * @throws IllegalArgumentException if {@code maxItems} is below 1
     */
    public PaginationConfig withMaxItems(int maxItems) {
        return new PaginationConfig(OptionalInt.of(maxItems), pageSize, startingToken);
    }

    /**
     * This config with another page size.
     *
     * @param pageSize the {@code maxResults} of each request, 1 to 1000
     * @return the new config
     * @throws IllegalArgumentException if {@code pageSize} is outside 1 to 1000
     */
    public PaginationConfig withPageSize(int pageSize) {
        return new PaginationConfig(maxItems, OptionalInt.of(pageSize), startingToken);
    }

    /** Builds a {@link PaginationConfig}. Each setter takes {@code null} to clear its value. */
    public static final class Builder {
        private Integer maxItems;
        private Integer pageSize;
        private String startingToken;

        private Builder() {
        }

        /**
         * Caps the items yielded in total.
         *
         * @param maxItems at least 1, or {@code null} for no cap
         * @return this builder
         */
        public Builder maxItems(Integer maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /**
         * Sets the {@code maxResults} of each request.
         *
         * @param pageSize 1 to 1000, or {@code null} for 1000
         * @return this builder
         */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Resumes from a token.
         *
         * @param startingToken a {@code NextToken} or resume token, or {@code null} to start from the beginning
         * @return this builder
         */
        public Builder startingToken(String startingToken) {
            this.startingToken = startingToken;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws IllegalArgumentException if {@code maxItems} is below 1, {@code pageSize} outside 1 to 1000, or the
         *     starting token is malformed
         */
        public PaginationConfig build() {
            return new PaginationConfig(
                    maxItems == null ? OptionalInt.empty() : OptionalInt.of(maxItems),
                    pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize),
                    Optional.ofNullable(startingToken));
        }
    }
}
