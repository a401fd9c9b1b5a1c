package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments fail where they are given, with a standard exception naming the argument and its value. */
class ValidationTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void pageSizeOutsideOneToThousandIsRejected(int pageSize) {
        assertThatIllegalArgumentException().isThrownBy(() -> PaginationConfig.builder().pageSize(pageSize).build())
                .withMessage("pageSize must be between 1 and 1000: " + pageSize);
        assertThatIllegalArgumentException().isThrownBy(() -> PaginationConfig.none().withPageSize(pageSize));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 500, 1000})
    void pageSizeInRangeIsTaken(int pageSize) {
        assertThat(PaginationConfig.builder().pageSize(pageSize).build().pageSize()).hasValue(pageSize);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void maxItemsBelowOneIsRejected(int maxItems) {
        // botocore makes a request and answers boto_truncate_amount 0.
        assertThatIllegalArgumentException().isThrownBy(() -> PaginationConfig.builder().maxItems(maxItems).build())
                .withMessage("maxItems must be at least 1: " + maxItems);
    }

    @Test
    void timeWindowMustNotBeEmpty() {
        Instant t = Instant.parse("2025-03-01T00:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListAsyncInvokesQuery.builder().submitTimeAfter(t).submitTimeBefore(t).build())
                .withMessage("submitTimeAfter must be before submitTimeBefore: submitTimeAfter=2025-03-01T00:00:00Z,"
                        + " submitTimeBefore=2025-03-01T00:00:00Z");
        assertThat(ListAsyncInvokesQuery.builder().submitTimeAfter(t).submitTimeBefore(t.plusNanos(1)).build()
                .submitTimeAfter()).contains(t);
    }

    @Test
    void timesTheWireCannotCarryAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListAsyncInvokesQuery.builder().submitTimeBefore(Instant.MAX).build())
                .withMessageStartingWith("submitTimeBefore must be between years 0000 and 9999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListAsyncInvokesQuery.builder().submitTimeAfter(Instant.parse("-0001-12-31T00:00:00Z"))
                        .build())
                .withMessageStartingWith("submitTimeAfter must be between years 0000 and 9999");
        assertThat(ListAsyncInvokesQuery.builder().submitTimeAfter(ListAsyncInvokesQuery.EARLIEST_TIME)
                .submitTimeBefore(ListAsyncInvokesQuery.LATEST_TIME).build()).isNotNull();
    }

    @Test
    void unknownStatusCannotBeAFilter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.UNKNOWN).build())
                .withMessageContaining("statusEquals");
    }

    @Test
    void nullComponentsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> new PaginationConfig(null, null, null)).withMessage("maxItems");
        assertThatNullPointerException().isThrownBy(() -> new ListAsyncInvokesQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), null)).withMessage("sortOrder");
    }

    @Test
    void statusIsWhatItsWireValueMeans() {
        assertThat(summaryWithStatusValue(Optional.of("Completed")).status()).isEqualTo(InvocationStatus.COMPLETED);
        assertThat(summaryWithStatusValue(Optional.of("InProgress")).status()).isEqualTo(InvocationStatus.IN_PROGRESS);
        assertThat(summaryWithStatusValue(Optional.of("Paused")).status()).isEqualTo(InvocationStatus.UNKNOWN);
        assertThat(summaryWithStatusValue(Optional.of("completed")).status()).isEqualTo(InvocationStatus.UNKNOWN);
        assertThat(summaryWithStatusValue(Optional.empty()).status()).isEqualTo(InvocationStatus.UNKNOWN);
    }

    @Test
    void statusGivenAsAnEnumBecomesItsWireValue() {
        AsyncInvokeSummary failed = new AsyncInvokeSummary("arn", "model", Optional.empty(), InvocationStatus.FAILED,
                Optional.empty(), Instant.EPOCH, Optional.empty(), Optional.empty(), OutputDataConfig.S3.of("s3://b/k"));
        assertThat(failed.statusValue()).contains("Failed");
        assertThat(failed).isEqualTo(summaryWithStatusValue(Optional.of("Failed")));
        AsyncInvokeSummary unknown = new AsyncInvokeSummary("arn", "model", Optional.empty(), InvocationStatus.UNKNOWN,
                Optional.empty(), Instant.EPOCH, Optional.empty(), Optional.empty(), OutputDataConfig.S3.of("s3://b/k"));
        assertThat(unknown.statusValue()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> new AsyncInvokeSummary("arn", "model", Optional.empty(),
                (InvocationStatus) null, Optional.empty(), Instant.EPOCH, Optional.empty(), Optional.empty(),
                OutputDataConfig.S3.of("s3://b/k"))).withMessage("status");
    }

    private static AsyncInvokeSummary summaryWithStatusValue(Optional<String> statusValue) {
        return new AsyncInvokeSummary("arn", "model", Optional.empty(), statusValue, Optional.empty(), Instant.EPOCH,
                Optional.empty(), Optional.empty(), OutputDataConfig.S3.of("s3://b/k"));
    }

    @Test
    void builderOptionsAreChecked() {
        AsyncInvokeLister.Builder builder = AsyncInvokeLister.builder();
        assertThatIllegalArgumentException().isThrownBy(() -> builder.maxAttempts(0))
                .withMessage("maxAttempts must be at least 1: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.apiCallTimeout(Duration.ZERO))
                .withMessage("apiCallTimeout must be positive: PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.apiCallAttemptTimeout(Duration.ofSeconds(-1)))
                .withMessage("apiCallAttemptTimeout must be positive: PT-1S");
        assertThatNullPointerException().isThrownBy(() -> builder.retryMode(null)).withMessage("retryMode");
    }

    @Test
    void aMalformedStartingTokenIsRefusedWhenTheConfigIsBuilt() {
        String duplicateKeys = java.util.Base64.getEncoder().encodeToString(
                "{\"nextToken\": \"a\", \"nextToken\": \"b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatIllegalArgumentException().isThrownBy(() -> PaginationConfig.builder().startingToken(duplicateKeys)
                .build()).withMessageStartingWith("startingToken's JSON is not strict: a key appears twice");
        assertThatIllegalArgumentException().isThrownBy(() -> PaginationConfig.none().withStartingToken("a b"))
                .withMessage("startingToken's service token contains whitespace");
        assertThatIllegalArgumentException().isThrownBy(() -> new PaginationConfig(java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), Optional.of("T___-1")))
                .withMessageContaining("must not be negative");
        assertThat(PaginationConfig.none().withStartingToken("a raw token".replace(' ', '-')).startingToken())
                .hasValue("a-raw-token");
    }

    @Test
    void theExceptionsUsersMayThrowCheckTheirArguments() {
        assertThatNullPointerException().isThrownBy(() -> new RequestFailedException(null, "t",
                new IllegalStateException())).withMessage("message");
        assertThatNullPointerException().isThrownBy(() -> new RequestFailedException("m", "t", null))
                .withMessage("cause");
        assertThatNullPointerException().isThrownBy(() -> new TokenCycleException(null, "t")).withMessage("message");
        ListingException failed = new RequestFailedException("m", null, new IllegalStateException());
        assertThat(failed.resumeToken()).isEmpty();
        assertThat(failed.partialItems()).isEmpty();
        assertThat(new TokenCycleException("m", "t").resumeToken()).hasValue("t");
    }
}
