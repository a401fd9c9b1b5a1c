package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import io.github.asyncinvokelister.internal.PagingToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Responses a service should not send, served by the emulator over real HTTP ({@link Fault#respond}): summaries
 * without a member the model requires, a {@code nextToken} of {@code "None"}, empty pages without end. Each on the
 * lister's own reading of the body and on the SDK's (a client with an interceptor of its own).
 */
class HostileServerTest {
    private static final int COUNT = 60;
    private static final String GOOD = "{\"invocationArn\": \"arn:aws:bedrock:us-east-1:123456789012:async-invoke/"
            + "aaaaaaaaaaaa\", \"modelArn\": \"arn:m\", \"submitTime\": \"2025-01-06T08:00:00Z\", \"outputDataConfig\":"
            + " {\"s3OutputDataConfig\": {\"s3Uri\": \"s3://b/k\"}}}";
    private static BedrockRuntimeEmulator emulator;
    private static BedrockRuntimeClient observed;
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 12).start();
        observed = emulator.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(
                new ExecutionInterceptor() { })).build();
        newestFirst = Listings.newestFirst(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        observed.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    /** Which client a listing goes through: the lister reads bodies itself, or the SDK parses them. */
    static Stream<String> readers() {
        return Stream.of("lister reads", "SDK parses");
    }

    private static AsyncInvokeLister lister(String reader) {
        return AsyncInvokeLister.create(reader.equals("lister reads") ? emulator.client() : observed);
    }

    /** A summary that lacks each member the model requires, or is null; and the name the failure must give. */
    static Stream<Arguments> malformedSummaries() {
        List<Arguments> cases = new ArrayList<>();
        for (String reader : List.of("lister reads", "SDK parses")) {
            cases.add(Arguments.of(reader, GOOD.replace("\"invocationArn\": \"arn:aws:bedrock:us-east-1:123456789012:"
                    + "async-invoke/aaaaaaaaaaaa\", ", ""), "invocationArn"));
            cases.add(Arguments.of(reader, GOOD.replace("\"modelArn\": \"arn:m\"", "\"modelArn\": null"), "modelArn"));
            cases.add(Arguments.of(reader, GOOD.replace("\"submitTime\": \"2025-01-06T08:00:00Z\", ", ""),
                    "submitTime"));
            cases.add(Arguments.of(reader, GOOD.replace(", \"outputDataConfig\": {\"s3OutputDataConfig\": {\"s3Uri\":"
                    + " \"s3://b/k\"}}", ""), "outputDataConfig"));
            cases.add(Arguments.of(reader, GOOD.replace("\"s3Uri\": \"s3://b/k\"", "\"kmsKeyId\": \"k\""),
                    "outputDataConfig.s3OutputDataConfig.s3Uri"));
            cases.add(Arguments.of(reader, "null", "is null"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedSummaries")
    void aSummaryWithoutARequiredMemberFailsItsPageWithATokenThatResumesThere(String reader, String badSummary,
            String named) {
        AsyncInvokeLister lister = lister(reader);
        emulator.faults().next(Fault.NONE, Fault.respond("{\"asyncInvokeSummaries\": [" + GOOD + ", " + badSummary
                + "], \"nextToken\": \"t\"}"));
        PaginationConfig tens = PaginationConfig.builder().pageSize(10).build();

        assertThatThrownBy(() -> lister.list(ListAsyncInvokesQuery.all(), tens))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> {
                    assertThat(e).hasMessageContaining("the response to request 2 is malformed: summary 2 of 2")
                            .hasMessageContaining(named).hasMessageNotContaining("arn:m").hasMessageNotContaining("s3://");
                    assertThat(e.partialItems()).isEqualTo(newestFirst.subList(0, 10));
                    // The server answers that page properly now: resuming lists it, and the rest.
                    assertThat(lister.list(ListAsyncInvokesQuery.all(), tens.withStartingToken(
                            e.resumeToken().orElseThrow())).items()).isEqualTo(newestFirst.subList(10, COUNT));
                });
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aNextTokenOfNoneIsSentBackAndResumesRatherThanStartingOver(String reader) {
        AsyncInvokeLister lister = lister(reader);
        String first = GOOD;
        String second = GOOD.replace("aaaaaaaaaaaa", "bbbbbbbbbbbb");
        emulator.faults().next(Fault.respond("{\"asyncInvokeSummaries\": [" + first + "], \"nextToken\": \"None\"}"),
                Fault.respond("{\"asyncInvokeSummaries\": [" + second + "]}"));

        List<String> listed = lister.stream(ListAsyncInvokesQuery.all()).map(AsyncInvokeSummary::invocationArn)
                .toList();

        assertThat(listed).hasSize(2).last().asString().endsWith("bbbbbbbbbbbb");
        assertThat(emulator.requests()).extracting(RecordedRequest::nextToken)
                .containsExactly(Optional.empty(), Optional.of("None"));

        // Cut after the first item: the token resumes with "None", not from the start.
        emulator.clearRequests();
        emulator.faults().next(Fault.respond("{\"asyncInvokeSummaries\": [" + first + "], \"nextToken\": \"None\"}"));
        ListResult cut = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(1).build());
        assertThat(PagingToken.parse(cut.nextToken().orElseThrow())).isEqualTo(new PagingToken("None", 0));
        emulator.faults().next(Fault.respond("{\"asyncInvokeSummaries\": [" + second + "]}"));
        List<AsyncInvokeSummary> rest = lister.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().startingToken(cut.nextToken().get()).build()).items();
        assertThat(rest).extracting(AsyncInvokeSummary::invocationArn).singleElement().asString()
                .endsWith("bbbbbbbbbbbb");
        assertThat(emulator.requests().get(1).nextToken()).hasValue("None");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void emptyPagesWithoutEndStopAtTheLimitWithATokenThatGoesOn(String reader) {
        AsyncInvokeLister lister = lister(reader).withEmptyPageLimit(5);
        emulator.faults().rate(Fault.EMPTY_PAGE_WITH_TOKEN, 1.0, 1);

        assertThatThrownBy(() -> lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.none()))
                .isInstanceOfSatisfying(EmptyPagesException.class, e -> {
                    assertThat(e).hasMessageContaining("6 empty pages in a row").hasMessageContaining("limit is 5");
                    assertThat(emulator.requests()).hasSize(6);
                    emulator.faults().clear();
                    assertThat(lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder()
                            .startingToken(e.resumeToken().orElseThrow()).build()).items()).isEqualTo(newestFirst);
                });
    }

    @Test
    void theDefaultLimitBoundsAServerThatSendsEmptyPagesForever() {
        emulator.faults().rate(Fault.EMPTY_PAGE_WITH_TOKEN, 1.0, 2);

        assertThatThrownBy(() -> AsyncInvokeLister.create(emulator.client()).stream(ListAsyncInvokesQuery.all())
                .count()).isInstanceOf(EmptyPagesException.class);
        assertThat(emulator.requests()).hasSize(AsyncInvokeLister.DEFAULT_EMPTY_PAGE_LIMIT + 1);
    }

    @Test
    void emptyPagesThatEndOrGiveWayToItemsAreNoFailure() {
        AsyncInvokeLister lister = AsyncInvokeLister.create(emulator.client()).withEmptyPageLimit(3);
        emulator.faults().next(Fault.EMPTY_PAGE_WITH_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN,
                Fault.NONE, Fault.EMPTY_PAGE_WITH_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN, Fault.EMPTY_PAGE_WITH_TOKEN);

        assertThat(lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(10).build()).items())
                .isEqualTo(newestFirst);
    }
}
