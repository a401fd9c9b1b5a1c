package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Each fault as the AWS SDK sees it, over real HTTP. */
class FaultsTest {
    private static final int COUNT = 60;

    private static BedrockRuntimeEmulator emu;
    /** Retries disabled, so each fault reaches the test as the SDK reports it. */
    private static BedrockRuntimeClient once;

    @BeforeAll
    static void start() {
        emu = BedrockRuntimeEmulator.builder().generated(COUNT, 3).start();
        once = noRetries(emu);
    }

    @AfterAll
    static void stop() {
        once.close();
        emu.close();
    }

    @BeforeEach
    void reset() {
        emu.faults().clear();
        emu.clearRequests();
    }

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of(Fault.THROTTLE, ThrottlingException.class, 429),
                Arguments.of(Fault.INTERNAL_ERROR, InternalServerException.class, 500),
                Arguments.of(Fault.SERVICE_UNAVAILABLE, ServiceUnavailableException.class, 503),
                Arguments.of(Fault.ACCESS_DENIED, AccessDeniedException.class, 403),
                Arguments.of(new Fault.ServiceError(400, "ValidationException", "made up"), ValidationException.class,
                        400));
    }

    @ParameterizedTest
    @MethodSource("serviceErrors")
    void serviceErrorsReachTheSdkAsTheirTypedExceptions(Fault.ServiceError fault,
            Class<? extends AwsServiceException> type, int status) {
        emu.faults().next(fault);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(5)))
                .isInstanceOfSatisfying(type, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(fault.errorType());
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(fault.message());
                });
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault).isEqualTo(Optional.of(fault));
        assertThat(once.listAsyncInvokes(r -> r.maxResults(5)).asyncInvokeSummaries()).hasSize(5);
    }

    @Test
    void aScriptedThrottleIsRetriedByDefaultAndTheListingSucceeds() {
        emu.faults().next(Fault.THROTTLE);

        List<String> arns = emu.client().listAsyncInvokesPaginator(r -> r.maxResults(25)).asyncInvokeSummaries()
                .stream().map(s -> s.invocationArn()).toList();

        assertThat(arns).hasSize(COUNT).doesNotHaveDuplicates();
        assertThat(emu.requests()).extracting(RecordedRequest::fault)
                .containsExactly(Optional.of(Fault.THROTTLE), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(emu.requests().get(0).nextToken()).isEqualTo(emu.requests().get(1).nextToken());
    }

    @Test
    void aResetConnectionIsAnIOExceptionToTheSdk() {
        emu.faults().next(Fault.RESET_CONNECTION);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(5)))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault)
                .isEqualTo(Optional.of(Fault.RESET_CONNECTION));
    }

    static Stream<Fault> faultsTheSdkRetries() {
        return Stream.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.RESET_CONNECTION,
                Fault.TRUNCATED_BODY, Fault.MALFORMED_BODY);
    }

    @ParameterizedTest
    @MethodSource("faultsTheSdkRetries")
    void withDefaultRetriesOneFaultCostsOneRetry(Fault fault) {
        emu.faults().next(fault);

        assertThat(emu.client().listAsyncInvokes(r -> r.maxResults(5)).asyncInvokeSummaries()).hasSize(5);
        assertThat(emu.requests()).extracting(RecordedRequest::fault).containsExactly(Optional.of(fault),
                Optional.empty());
    }

    @Test
    void aTruncatedBodyFailsTheCall() {
        emu.faults().next(Fault.TRUNCATED_BODY);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(5)))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault)
                .isEqualTo(Optional.of(Fault.TRUNCATED_BODY));
    }

    @Test
    void aMalformedBodyFailsTheCall() {
        emu.faults().next(Fault.MALFORMED_BODY);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(5)))
                .isInstanceOf(SdkClientException.class);
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault)
                .isEqualTo(Optional.of(Fault.MALFORMED_BODY));
    }

    @Test
    void aStallLetsTheSdkTimeOut() {
        emu.faults().next(Fault.stall(Duration.ofSeconds(5)));
        try (BedrockRuntimeClient impatient = emu.clientBuilder().overrideConfiguration(o -> o
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofMillis(300))).build()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> impatient.listAsyncInvokes(r -> r.maxResults(5)))
                    .isInstanceOf(ApiCallTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault)
                .isEqualTo(Optional.of(Fault.stall(Duration.ofSeconds(5))));
    }

    @Test
    void aShortStallServesThePageAfterwards() {
        emu.faults().next(Fault.stall(Duration.ofMillis(100)));
        long started = System.nanoTime();

        assertThat(once.listAsyncInvokes(r -> r.maxResults(5)).asyncInvokeSummaries()).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void repeatTokenHandsBackTheRequestsOwnToken() {
        String a = once.listAsyncInvokes(r -> r.maxResults(5)).nextToken();
        emu.faults().next(Fault.REPEAT_TOKEN);

        ListAsyncInvokesResponse repeated = once.listAsyncInvokes(r -> r.maxResults(5).nextToken(a));

        assertThat(repeated.asyncInvokeSummaries()).hasSize(5);
        assertThat(repeated.nextToken()).isEqualTo(a);
    }

    @Test
    void tokenFaultsOnAFirstPageAreNotApplied() {
        emu.faults().next(Fault.REPEAT_TOKEN, Fault.CYCLE_TOKEN);
        ListAsyncInvokesResponse first = once.listAsyncInvokes(r -> r.maxResults(5));
        ListAsyncInvokesResponse again = once.listAsyncInvokes(r -> r.maxResults(5));

        assertThat(again.asyncInvokeSummaries()).isEqualTo(first.asyncInvokeSummaries());
        assertThat(again.nextToken()).isEqualTo(first.nextToken()).isNotNull();
        ListAsyncInvokesResponse second = once.listAsyncInvokes(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.asyncInvokeSummaries()).doesNotContainAnyElementsOf(first.asyncInvokeSummaries());
        assertThat(emu.requests()).extracting(RecordedRequest::fault).containsOnly(Optional.empty());
    }

    @Test
    void cycleTokenOnASecondPageRepeatsItsOwnToken() {
        emu.faults().next(Fault.NONE, Fault.CYCLE_TOKEN);
        String a = once.listAsyncInvokes(r -> r.maxResults(5)).nextToken();

        assertThat(once.listAsyncInvokes(r -> r.maxResults(5).nextToken(a)).nextToken()).isEqualTo(a);
    }

    @Test
    void cycleTokenOnTheThirdPageLeadsBackToTheSecondPagesToken() {
        emu.faults().next(Fault.NONE, Fault.NONE, Fault.CYCLE_TOKEN);

        String a = once.listAsyncInvokes(r -> r.maxResults(5)).nextToken();
        String b = once.listAsyncInvokes(r -> r.maxResults(5).nextToken(a)).nextToken();
        ListAsyncInvokesResponse third = once.listAsyncInvokes(r -> r.maxResults(5).nextToken(b));

        assertThat(third.asyncInvokeSummaries()).hasSize(5);
        assertThat(third.nextToken()).isEqualTo(a).isNotEqualTo(b);
        assertThat(emu.requests()).extracting(RecordedRequest::fault)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of(Fault.CYCLE_TOKEN));
    }

    @Test
    void cycleTokenWorksWithAStatusFilter() {
        emu.faults().next(Fault.NONE, Fault.NONE, Fault.CYCLE_TOKEN);

        String a = once.listAsyncInvokes(r -> r.maxResults(3).statusEquals("Completed")).nextToken();
        String b = once.listAsyncInvokes(r -> r.maxResults(3).statusEquals("Completed").nextToken(a)).nextToken();
        String back = once.listAsyncInvokes(r -> r.maxResults(3).statusEquals("Completed").nextToken(b)).nextToken();

        assertThat(back).isEqualTo(a);
    }

    @Test
    void emptyPagesWithTokensContinueWhereTheyWere() {
        emu.faults().next(Fault.NONE, Fault.EMPTY_PAGE_WITH_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN);

        List<String> pageTokens = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListAsyncInvokesResponse page = once.listAsyncInvokes(r -> r.maxResults(25).nextToken(current));
            page.asyncInvokeSummaries().forEach(s -> arns.add(s.invocationArn()));
            token = page.nextToken();
            if (token != null) {
                pageTokens.add(token);
            }
        } while (token != null);

        assertThat(arns).hasSize(COUNT).doesNotHaveDuplicates();
        assertThat(pageTokens).doesNotHaveDuplicates();
        assertThat(emu.requests()).hasSize(5);
        assertThat(emu.requests()).extracting(RecordedRequest::fault).containsExactly(Optional.empty(),
                Optional.of(Fault.EMPTY_PAGE_WITH_TOKEN), Optional.of(Fault.EMPTY_PAGE_WITH_TOKEN), Optional.empty(),
                Optional.empty());
    }

    @Test
    void theSdkPaginatorGetsThroughEmptyPages() {
        emu.faults().next(Fault.EMPTY_PAGE_WITH_TOKEN, Fault.NONE, Fault.EMPTY_PAGE_WITH_TOKEN);

        List<String> arns = once.listAsyncInvokesPaginator(r -> r.maxResults(25)).asyncInvokeSummaries().stream()
                .map(s -> s.invocationArn()).toList();

        assertThat(arns).hasSize(COUNT).doesNotHaveDuplicates();
    }

    @Test
    void anOversizedPageHasThreeMoreItemsAndACorrectToken() {
        emu.faults().next(Fault.OVERSIZED_PAGE);

        ListAsyncInvokesResponse big = once.listAsyncInvokes(r -> r.maxResults(5));
        ListAsyncInvokesResponse next = once.listAsyncInvokes(r -> r.maxResults(5).nextToken(big.nextToken()));

        assertThat(big.asyncInvokeSummaries()).hasSize(8);
        assertThat(next.asyncInvokeSummaries().get(0).invocationArn())
                .isEqualTo(emu.invocations().get(COUNT - 9).invocationArn());
    }

    @Test
    void pagingFaultsSkipARequestThatFailsValidation() {
        emu.faults().next(Fault.OVERSIZED_PAGE);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(0))).isInstanceOf(ValidationException.class);
        assertThat(emu.requests()).singleElement().extracting(RecordedRequest::fault).isEqualTo(Optional.empty());
        assertThat(emu.faults().pending()).isEmpty();
    }

    @Test
    void aCannedResponseAnswersAnyRequestAsWrittenWithoutValidatingIt() {
        emu.faults().next(Fault.respond("{\"asyncInvokeSummaries\": [], \"nextToken\": \"None\"}"));

        ListAsyncInvokesResponse response = once.listAsyncInvokes(r -> r.maxResults(5).nextToken("made-up"));

        assertThat(response.asyncInvokeSummaries()).isEmpty();
        assertThat(response.nextToken()).isEqualTo("None");
        assertThat(emu.requests()).singleElement().satisfies(request -> {
            assertThat(request.fault()).containsInstanceOf(Fault.CannedResponse.class);
            assertThat(request.nextToken()).hasValue("made-up");
        });
        assertThatThrownBy(() -> new Fault.CannedResponse(199, "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpStatus must be 200 to 599: 199");
    }

    @Test
    void getAsyncInvokeNeverTakesAFault() {
        emu.faults().next(Fault.THROTTLE);
        String arn = emu.invocations().get(0).invocationArn();

        assertThat(once.getAsyncInvoke(r -> r.invocationArn(arn)).invocationArn()).isEqualTo(arn);
        assertThat(emu.faults().pending()).containsExactly(Fault.THROTTLE);
    }

    @Test
    void pendingListsTheScriptNotYetServedAndClearDropsIt() {
        emu.faults().next(Fault.THROTTLE, Fault.CYCLE_TOKEN).next(Fault.MALFORMED_BODY);

        assertThatThrownBy(() -> once.listAsyncInvokes(r -> r.maxResults(1))).isInstanceOf(ThrottlingException.class);
        assertThat(emu.faults().pending()).containsExactly(Fault.CYCLE_TOKEN, Fault.MALFORMED_BODY);

        emu.faults().clear();
        assertThat(emu.faults().pending()).isEmpty();
        assertThat(once.listAsyncInvokes(r -> r.maxResults(1)).asyncInvokeSummaries()).hasSize(1);
    }

    @Test
    void rateFaultsFallOnTheSameRequestsEveryRun() {
        List<Optional<Fault>> first = faultsOfTwentyRequests(BedrockRuntimeEmulator.builder().generated(10, 1)
                .faultRate(Fault.INTERNAL_ERROR, 0.3, 99).faultRate(Fault.THROTTLE, 0.2, 5));
        List<Optional<Fault>> second = faultsOfTwentyRequests(BedrockRuntimeEmulator.builder().generated(10, 1)
                .faultRate(Fault.INTERNAL_ERROR, 0.3, 99).faultRate(Fault.THROTTLE, 0.2, 5));

        assertThat(second).isEqualTo(first);
        Set<Optional<Fault>> kinds = new HashSet<>(first);
        assertThat(kinds).contains(Optional.empty(), Optional.of(Fault.INTERNAL_ERROR));
    }

    @Test
    void scriptedFaultsComeBeforeRatesAndBuilderFaultsApplyFromTheStart() {
        try (BedrockRuntimeEmulator scripted = BedrockRuntimeEmulator.builder().generated(10, 1)
                .faults(Fault.SERVICE_UNAVAILABLE).faultRate(Fault.THROTTLE, 1.0, 1).start();
                BedrockRuntimeClient client = noRetries(scripted)) {
            assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(1)))
                    .isInstanceOf(ServiceUnavailableException.class);
            assertThatThrownBy(() -> client.listAsyncInvokes(r -> r.maxResults(1)))
                    .isInstanceOf(ThrottlingException.class);
        }
    }

    @Test
    void faultsRejectBadArgumentsNamingThem() {
        assertThatThrownBy(() -> Fault.stall(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration must not be negative: PT-1S");
        assertThatThrownBy(() -> new Fault.ServiceError(200, "Ok", "fine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpStatus must be 400 to 599: 200");
        assertThatThrownBy(() -> new Fault.ServiceError(500, " ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("errorType must not be blank: ' '");
        assertThatThrownBy(() -> new Fault.OversizedPage(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extraItems must be at least 1: 0");
        assertThatThrownBy(() -> emu.faults().rate(Fault.THROTTLE, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be 0 to 1: NaN");
        assertThatThrownBy(() -> emu.faults().next((Fault) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fault");
    }

    private static List<Optional<Fault>> faultsOfTwentyRequests(BedrockRuntimeEmulator.Builder builder) {
        try (BedrockRuntimeEmulator rated = builder.start(); BedrockRuntimeClient client = noRetries(rated)) {
            for (int i = 0; i < 20; i++) {
                try {
                    client.listAsyncInvokes(r -> r.maxResults(1));
                } catch (AwsServiceException expected) {
                    // The faults are the point; which requests got them is asserted from the record.
                }
            }
            return rated.requests().stream().map(RecordedRequest::fault).toList();
        }
    }

    private static BedrockRuntimeClient noRetries(BedrockRuntimeEmulator emulator) {
        return emulator.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
