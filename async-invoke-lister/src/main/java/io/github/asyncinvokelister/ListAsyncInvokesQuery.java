package io.github.asyncinvokelister;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters and sort of a listing: every {@code ListAsyncInvokes} request parameter except the paging ones,
 * which live in {@link PaginationConfig}.
 *
 * <pre>{@code
 * ListAsyncInvokesQuery failedToday = ListAsyncInvokesQuery.builder()
 *     .submitTimeAfter(Instant.now().minus(Duration.ofDays(1)))
 *     .statusEquals(InvocationStatus.FAILED)
 *     .sortOrder(SortOrder.ASCENDING)
 *     .build();
 * }</pre>
 *
 * @param submitTimeAfter include invocations submitted after this time
 * @param submitTimeBefore include invocations submitted before this time
 * @param statusEquals include invocations with this status only
 * @param sortBy what to sort by; the service sorts by submission time when absent
 * @param sortOrder the order; the service sorts newest first when absent
 */
public record ListAsyncInvokesQuery(
        Optional<Instant> submitTimeAfter,
        Optional<Instant> submitTimeBefore,
        Optional<InvocationStatus> statusEquals,
        Optional<SortBy> sortBy,
        Optional<SortOrder> sortOrder) {

    /** The earliest time the wire's ISO-8601 timestamps (four-digit years) can carry. */
    public static final Instant EARLIEST_TIME = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest time the wire's ISO-8601 timestamps (four-digit years) can carry. */
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final ListAsyncInvokesQuery ALL = builder().build();
    /**
     * Validates the components.
     *
     * @param submitTimeAfter include invocations submitted after this time
     * @param submitTimeBefore include invocations submitted before this time
     * @param statusEquals include invocations with this status only
     * @param sortBy what to sort by; the service sorts by submission time when absent
     * @param sortOrder the order; the service sorts newest first when absent
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code submitTimeAfter} is not before {@code submitTimeBefore}, either
     *     lies outside {@link #EARLIEST_TIME} to {@link #LATEST_TIME}, or {@code statusEquals} is
     *     {@link InvocationStatus#UNKNOWN}
     */
    public ListAsyncInvokesQuery {
        Objects.requireNonNull(submitTimeAfter, "submitTimeAfter");
        Objects.requireNonNull(submitTimeBefore, "submitTimeBefore");
        Objects.requireNonNull(statusEquals, "statusEquals");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
        checkRepresentable(submitTimeAfter, "submitTimeAfter");
        checkRepresentable(submitTimeBefore, "submitTimeBefore");
        if (submitTimeAfter.isPresent() && submitTimeBefore.isPresent()
                && !submitTimeAfter.get().isBefore(submitTimeBefore.get())) {
            throw new IllegalArgumentException("submitTimeAfter must be before submitTimeBefore: submitTimeAfter="
                    + submitTimeAfter.get() + ", submitTimeBefore=" + submitTimeBefore.get());
        }
        if (statusEquals.orElse(null) == InvocationStatus.UNKNOWN) {
            throw new IllegalArgumentException("statusEquals must be a known status: UNKNOWN");
        }
    }

    private static void checkRepresentable(Optional<Instant> time, String name) {
        if (time.isPresent() && (time.get().isBefore(EARLIEST_TIME) || time.get().isAfter(LATEST_TIME))) {
            throw new IllegalArgumentException(name + " must be between years 0000 and 9999, as ISO-8601 has them: "
                    + time.get());
        }
    }

    /**
     * A query with no filters and the service's default sort.
     *
     * @return the query
     */
    public static ListAsyncInvokesQuery all() {
        return ALL;
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
     * A builder holding this query's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.submitTimeAfter = submitTimeAfter.orElse(null);
        builder.submitTimeBefore = submitTimeBefore.orElse(null);
        builder.statusEquals = statusEquals.orElse(null);
        builder.sortBy = sortBy.orElse(null);
        builder.sortOrder = sortOrder.orElse(null);
        return builder;
    }

    /** Builds a {@link ListAsyncInvokesQuery}. Each setter takes {@code null} to clear its value. */
    public static final class Builder {
        private Instant submitTimeAfter;
        private Instant submitTimeBefore;
        private InvocationStatus statusEquals;
        private SortBy sortBy;
        private SortOrder sortOrder;

        private Builder() {
        }

        /**
         * Includes invocations submitted after this time.
         *
         * @param submitTimeAfter the time, or {@code null} for no lower bound
         * @return this builder
         */
        public Builder submitTimeAfter(Instant submitTimeAfter) {
            this.submitTimeAfter = submitTimeAfter;
            return this;
        }

        /**
         * Includes invocations submitted before this time.
         *
         * @param submitTimeBefore the time, or {@code null} for no upper bound
         * @return this builder
         */
        public Builder submitTimeBefore(Instant submitTimeBefore) {
            this.submitTimeBefore = submitTimeBefore;
            return this;
        }

        /**
         * Includes invocations with this status only.
         *
         * @param statusEquals the status, or {@code null} for any
         * @return this builder
         */
        public Builder statusEquals(InvocationStatus statusEquals) {
            this.statusEquals = statusEquals;
            return this;
        }

        /**
         * Sorts by this key.
         *
         * @param sortBy the key, or {@code null} for the service's default
         * @return this builder
         */
        public Builder sortBy(SortBy sortBy) {
            this.sortBy = sortBy;
            return this;
        }

        /**
         * Sorts in this order.
         *
         * @param sortOrder the order, or {@code null} for the service's default
         * @return this builder
         */
        public Builder sortOrder(SortOrder sortOrder) {
            this.sortOrder = sortOrder;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalArgumentException as {@link ListAsyncInvokesQuery#ListAsyncInvokesQuery the constructor}
         */
        public ListAsyncInvokesQuery build() {
            return new ListAsyncInvokesQuery(Optional.ofNullable(submitTimeAfter), Optional.ofNullable(submitTimeBefore),
                    Optional.ofNullable(statusEquals), Optional.ofNullable(sortBy), Optional.ofNullable(sortOrder));
        }
    }
}
