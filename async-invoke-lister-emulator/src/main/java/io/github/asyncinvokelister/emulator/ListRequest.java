package io.github.asyncinvokelister.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code ListAsyncInvokes} request whose parameters passed the model's constraints. The token is still text
 * here: only the emulator, which knows its dataset, can tell whether it is one it issued.
 *
 * @param submitTimeAfter only invocations submitted strictly after this time
 * @param submitTimeBefore only invocations submitted strictly before this time
 * @param statusEquals only invocations with this wire status
 * @param sortBy the sort key, defaulted to {@code SubmissionTime}
 * @param sortOrder the order, defaulted to {@code Descending}
 * @param maxResults the page size, defaulted to {@value #DEFAULT_MAX_RESULTS}
 * @param nextToken the token, if any
 */
record ListRequest(
        Optional<Instant> submitTimeAfter,
        Optional<Instant> submitTimeBefore,
        Optional<String> statusEquals,
        String sortBy,
        String sortOrder,
        int maxResults,
        Optional<String> nextToken) {

    static final int DEFAULT_MAX_RESULTS = 10;
    static final int MAX_RESULTS_LIMIT = 1000;
    static final String DEFAULT_SORT_BY = "SubmissionTime";
    static final String DEFAULT_SORT_ORDER = "Descending";

    private static final List<String> STATUSES = List.of("InProgress", "Completed", "Failed");
    private static final List<String> SORT_KEYS = List.of("SubmissionTime");
    private static final List<String> SORT_ORDERS = List.of("Ascending", "Descending");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S*");
    private static final int MAX_TOKEN_LENGTH = 2048;

    ListRequest {
        Objects.requireNonNull(submitTimeAfter, "submitTimeAfter");
        Objects.requireNonNull(submitTimeBefore, "submitTimeBefore");
        Objects.requireNonNull(statusEquals, "statusEquals");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
        Objects.requireNonNull(nextToken, "nextToken");
    }

    /**
     * Validates decoded query parameters as the service does, reporting every violation at once in the
     * service's words ({@code "2 validation errors detected: Value '0' at 'maxResults' ..."}). Unknown parameters
     * are ignored, as the service ignores them.
     *
     * @throws ApiError a {@code ValidationException} naming each bad parameter
     */
    static ListRequest parse(Map<String, String> params) {
        Violations errors = new Violations();
        Optional<Instant> after = timestamp(params, "submitTimeAfter", errors);
        Optional<Instant> before = timestamp(params, "submitTimeBefore", errors);
        Optional<String> status = oneOf(params, "statusEquals", STATUSES, errors);
        String sortBy = oneOf(params, "sortBy", SORT_KEYS, errors).orElse(DEFAULT_SORT_BY);
        String sortOrder = oneOf(params, "sortOrder", SORT_ORDERS, errors).orElse(DEFAULT_SORT_ORDER);
        int maxResults = maxResults(params.get("maxResults"), errors);
        Optional<String> nextToken = Optional.ofNullable(params.get("nextToken"));
        // A token's content is never echoed.
        nextToken.ifPresent(token -> errors.string("nextToken", token, 1, MAX_TOKEN_LENGTH, NO_WHITESPACE, false));
        errors.throwIfAny();
        return new ListRequest(after, before, status, sortBy, sortOrder, maxResults, nextToken);
    }

    boolean ascending() {
        return sortOrder.equals("Ascending");
    }

    /**
     * The hash a token is bound to: the filters and sort with defaults filled in and times as instants, so
     * {@code 2024-01-01T00:00:00Z} and {@code 2024-01-01T00:00:00.000Z} are the same query, and so are an absent
     * {@code sortOrder} and {@code Descending}.
     */
    long queryHash() {
        return PageToken.hash("submitTimeAfter=" + submitTimeAfter.map(Instant::toString).orElse("")
                + "&submitTimeBefore=" + submitTimeBefore.map(Instant::toString).orElse("")
                + "&statusEquals=" + statusEquals.orElse("")
                + "&sortBy=" + sortBy
                + "&sortOrder=" + sortOrder);
    }

    /** The ISO-8601 forms the SDKs send: {@code 2024-01-01T00:00:00Z}, with or without fractions, or an offset. */
    private static Optional<Instant> timestamp(Map<String, String> params, String name, Violations errors) {
        String value = params.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            errors.value(name, value, "Member must be an ISO-8601 timestamp such as 2024-01-01T00:00:00Z");
            return Optional.empty();
        }
    }

    private static Optional<String> oneOf(
            Map<String, String> params, String name, List<String> allowed, Violations errors) {
        String value = params.get(name);
        if (value != null && !allowed.contains(value)) {
            errors.value(name, value, "Member must satisfy enum value set: " + allowed);
            return Optional.empty();
        }
        return Optional.ofNullable(value);
    }

    private static int maxResults(String value, Violations errors) {
        if (value == null) {
            return DEFAULT_MAX_RESULTS;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.value("maxResults", value, "Member must be an integer");
            return DEFAULT_MAX_RESULTS;
        }
        if (parsed < 1) {
            errors.value("maxResults", Integer.toString(parsed), "Member must have value greater than or equal to 1");
        } else if (parsed > MAX_RESULTS_LIMIT) {
            errors.value("maxResults", Integer.toString(parsed),
                    "Member must have value less than or equal to " + MAX_RESULTS_LIMIT);
        }
        return parsed;
    }

}
