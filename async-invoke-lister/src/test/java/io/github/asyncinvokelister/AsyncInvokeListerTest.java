package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import io.github.asyncinvokelister.internal.PagingToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The lister end to end: the real SDK client and ApacheHttpClient over HTTP against the embedded emulator. */
class AsyncInvokeListerTest {
    private static final int COUNT = 230;
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;
    /** The emulator's invocations in the service's default order, newest first. */
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 42).start();
        lister = AsyncInvokeLister.create(emulator.client());
        newestFirst = Listings.newestFirst(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        emulator.faults().clear();
        emulator.clearRequests();
    }

    private static List<String> requestLine() {
        return emulator.requests().stream()
                .map(r -> r.nextToken().isPresent() + ":" + r.maxResults().map(String::valueOf).orElse("-"))
                .collect(Collectors.toList());
    }

    private static List<AsyncInvokeSummary> collect(PaginationConfig pagination) {
        try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(), pagination)) {
            return items.collect(Collectors.toList());
        }
    }

    @Test
    void streamsEveryRecordAsTheServiceSentIt() {
        assertThat(collect(PaginationConfig.builder().pageSize(100).build())).isEqualTo(newestFirst);
        assertThat(requestLine()).containsExactly("false:100", "true:100", "true:100");
    }

    @Test
    void keepsUnknownStatusAndUnknownUnionMemberName() {
        List<AsyncInvokeSummary> items = collect(PaginationConfig.none());
        assertThat(items).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(InvocationStatus.UNKNOWN);
            assertThat(s.statusValue()).isPresent();
        });
        assertThat(items).anySatisfy(s -> assertThat(s.outputDataConfig())
                .isEqualTo(new OutputDataConfig.Unknown("gcsOutputDataConfig")));
    }

    @Test
    void asksForTheApiMaximumWithoutPageSize() {
        assertThat(collect(PaginationConfig.none())).hasSize(COUNT);
        assertThat(requestLine()).containsExactly("false:1000");
    }

    @Test
    void makesNoRequestBeforeTheTerminalOperation() {
        Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(), PaginationConfig.none());
        Stream<SummaryPage> pages = lister.pages(ListAsyncInvokesQuery.all(), PaginationConfig.none());
        Stream<AsyncInvokeSummary> mapped = items.filter(s -> true).map(s -> s);
        assertThat(emulator.requests()).isEmpty();
        mapped.close();
        pages.close();
    }

    @ParameterizedTest(name = "maxItems {0}, pageSize {1}")
    @CsvSource({
        "60, 25, 'false:25 true:25 true:10'",
        "50, 25, 'false:25 true:25'",
        "1, 25, 'false:1'",
        "229, 1000, 'false:229'",
    })
    void lastRequestAsksOnlyForWhatMaxItemsLeaves(int maxItems, int pageSize, String requests) {
        ListResult result = lister.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().maxItems(maxItems).pageSize(pageSize).build());
        assertThat(result.items()).isEqualTo(newestFirst.subList(0, maxItems));
        assertThat(requestLine()).containsExactly(requests.split(" "));
        // The cut falls on a page boundary: the token is a plain one, and it resumes with the next item.
        String token = result.nextToken().orElseThrow();
        assertThat(PagingToken.parse(token).skip()).isZero();
        assertThat(collect(PaginationConfig.builder().startingToken(token).build()))
                .isEqualTo(newestFirst.subList(maxItems, COUNT));
    }

    @Test
    void listEndsWithoutTokenWhenMaxItemsCoversEverything() {
        ListResult result = lister.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().maxItems(COUNT).pageSize(100).build());
        assertThat(result.items()).isEqualTo(newestFirst);
        assertThat(result.nextToken()).isEmpty();
    }

    @Test
    void pagesCarryTheTokenThatResumesAfterThem() {
        List<SummaryPage> pages;
        try (Stream<SummaryPage> stream = lister.pages(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(100).build())) {
            pages = stream.collect(Collectors.toList());
        }
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 30);
        assertThat(pages.get(2).resumeToken()).isEmpty();
        emulator.clearRequests();
        assertThat(collect(PaginationConfig.builder().startingToken(pages.get(0).resumeToken().orElseThrow()).build()))
                .isEqualTo(newestFirst.subList(100, COUNT));
    }

    @Test
    void limitStopsFetching() {
        try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build())) {
            assertThat(items.limit(15).collect(Collectors.toList())).isEqualTo(newestFirst.subList(0, 15));
        }
        assertThat(requestLine()).containsExactly("false:10", "true:10");
    }

    @Test
    void closingTheStreamEndsTheListing() {
        Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(10).build());
        Iterator<AsyncInvokeSummary> iterator = items.iterator();
        for (int i = 0; i < 10; i++) {
            iterator.next();
        }
        items.close();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(emulator.requests()).hasSize(1);
    }

    @Test
    void resumesMidPageWithSmallerPageSize() {
        // A botocore token cut at 9 of the first 10-item page, resumed with page size 2.
        String token = PagingToken.encode(null, 9);
        List<AsyncInvokeSummary> items = collect(PaginationConfig.builder().startingToken(token).pageSize(2)
                .maxItems(5).build());
        assertThat(items).isEqualTo(newestFirst.subList(9, 14));
        assertThat(requestLine()).containsExactly("false:11", "true:2", "true:1");
    }

    @Test
    void acceptsDeprecatedAndRawStartingTokens() {
        SummaryPage first;
        try (Stream<SummaryPage> pages = lister.pages(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(20).build())) {
            first = pages.findFirst().orElseThrow();
        }
        String serviceToken = PagingToken.parse(first.resumeToken().orElseThrow()).serviceToken();
        assertThat(collect(PaginationConfig.builder().startingToken(serviceToken).maxItems(3).build()))
                .isEqualTo(newestFirst.subList(20, 23));
        assertThat(collect(PaginationConfig.builder().startingToken(serviceToken + "___2").maxItems(3).build()))
                .isEqualTo(newestFirst.subList(22, 25));
    }

    @Test
    void sendsFiltersAndSortAndGetsWhatTheyMatch() {
        Instant after = newestFirst.get(150).submitTime();
        Instant before = newestFirst.get(20).submitTime();
        ListAsyncInvokesQuery query = ListAsyncInvokesQuery.builder()
                .submitTimeAfter(after).submitTimeBefore(before)
                .statusEquals(InvocationStatus.COMPLETED)
                .sortBy(SortBy.SUBMISSION_TIME).sortOrder(SortOrder.ASCENDING).build();
        List<AsyncInvokeSummary> expected = newestFirst.subList(21, 150).stream()
                .filter(s -> s.status() == InvocationStatus.COMPLETED)
                .sorted(Comparator.comparing(AsyncInvokeSummary::submitTime))
                .collect(Collectors.toList());
        List<AsyncInvokeSummary> items;
        try (Stream<AsyncInvokeSummary> stream = lister.stream(query, PaginationConfig.builder().pageSize(7).build())) {
            items = stream.collect(Collectors.toList());
        }
        assertThat(expected).isNotEmpty();
        assertThat(items).isEqualTo(expected);
        RecordedRequest first = emulator.requests().get(0);
        assertThat(first.queryParameters()).containsEntry("statusEquals", "Completed")
                .containsEntry("sortBy", "SubmissionTime").containsEntry("sortOrder", "Ascending")
                .containsKeys("submitTimeAfter", "submitTimeBefore");
    }

    @ParameterizedTest(name = "{0} on page {1}")
    @MethodSource("tokensSeenBefore")
    void tokenSeenBeforeFailsWithTokenThatResumesExactly(Fault fault, int page) {
        List<Fault> script = new ArrayList<>(Collections.nCopies(page - 1, Fault.NONE));
        script.add(fault);
        emulator.faults().next(script.toArray(Fault[]::new));
        List<AsyncInvokeSummary> delivered = new ArrayList<>();
        PaginationConfig pageOf10 = PaginationConfig.builder().pageSize(10).build();
        assertThatThrownBy(() -> {
            try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(), pageOf10)) {
                items.forEach(delivered::add);
            }
        }).isInstanceOfSatisfying(ListingException.class, e -> {
            assertThat(delivered).isEqualTo(newestFirst.subList(0, 10 * page));
            assertThat(collect(pageOf10.withStartingToken(e.resumeToken().orElseThrow())))
                    .isEqualTo(newestFirst.subList(10 * page, COUNT));
        });
    }

    static Stream<Arguments> tokensSeenBefore() {
        // The same token back (A, A) on page 2; a cycle (A, B, A) on page 3.
        return Stream.of(Arguments.of(Fault.REPEAT_TOKEN, 2), Arguments.of(Fault.CYCLE_TOKEN, 3));
    }

    @Test
    void emptyPageWithTokenGoesOn() {
        emulator.faults().next(Fault.NONE, Fault.EMPTY_PAGE_WITH_TOKEN);
        assertThat(collect(PaginationConfig.builder().pageSize(100).build())).isEqualTo(newestFirst);
        assertThat(requestLine()).containsExactly("false:100", "true:100", "true:100", "true:100");
    }

    @Test
    void keepsEveryItemOfAnOversizedPage() {
        emulator.faults().next(Fault.OVERSIZED_PAGE);
        List<SummaryPage> pages;
        try (Stream<SummaryPage> stream = lister.pages(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(100).build())) {
            pages = stream.collect(Collectors.toList());
        }
        assertThat(pages.get(0).items()).hasSize(103);
        assertThat(pages.stream().flatMap(p -> p.items().stream())).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void cutsAnOversizedPageAtMaxItemsAsBotocore() {
        emulator.faults().next(Fault.OVERSIZED_PAGE);
        ListResult result = lister.list(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(5).maxItems(6).build());
        // 8 items came for the 5 asked; botocore keeps 6 and its token says "first page, skip 6".
        assertThat(result.items()).isEqualTo(newestFirst.subList(0, 6));
        assertThat(result.nextToken()).contains(PagingToken.encode(null, 6));
        assertThat(collect(PaginationConfig.builder().startingToken(result.nextToken().get()).build()))
                .isEqualTo(newestFirst.subList(6, COUNT));
    }

    @Test
    void rejectsMalformedTokenBeforeAnyRequest() {
        String negative = Base64.getEncoder().encodeToString(
                "{\"nextToken\": \"x\", \"boto_truncate_amount\": -1}".getBytes(StandardCharsets.UTF_8));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lister.stream(ListAsyncInvokesQuery.all(),
                        PaginationConfig.builder().startingToken(negative).build()))
                .withMessageContaining("must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lister.list(ListAsyncInvokesQuery.all(),
                        PaginationConfig.builder().startingToken("a___b___c").build()));
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void startingTokenTheServiceRefusesFailsAsBadInputWithoutQuotingIt() {
        PaginationConfig forged = PaginationConfig.builder().startingToken("forged-service-token").build();
        assertThatIllegalArgumentException().isThrownBy(() -> collect(forged))
                .withMessage("startingToken was rejected by the service (ValidationException); the cause has its"
                        + " message")
                .withCauseInstanceOf(ValidationException.class);
        assertThat(emulator.requests()).hasSize(1);
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> lister.stream(null, PaginationConfig.none()))
                .withMessage("query");
        assertThatNullPointerException().isThrownBy(() -> lister.pages(ListAsyncInvokesQuery.all(), null))
                .withMessage("pagination");
        assertThatNullPointerException().isThrownBy(() -> AsyncInvokeLister.create(null)).withMessage("client");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void createdListerLeavesTheClientOpen() {
        AsyncInvokeLister borrowed = AsyncInvokeLister.create(emulator.client());
        borrowed.close();
        assertThat(emulator.client().listAsyncInvokes(r -> r.maxResults(1)).asyncInvokeSummaries()).hasSize(1);
    }

    @Test
    void builtListerClosesItsOwnClient() {
        AsyncInvokeLister owned = AsyncInvokeLister.builder().region(Region.US_EAST_1)
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
        assertThat(owned.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(2).build()).items())
                .isEqualTo(newestFirst.subList(0, 2));
        owned.close();
        // A closed SDK client refuses work: its timeout scheduler (or, without timeouts, its pool) is shut down.
        assertThatThrownBy(() -> owned.client().listAsyncInvokes(r -> r.maxResults(1)))
                .isInstanceOfAny(RejectedExecutionException.class, IllegalStateException.class);
        assertThatThrownBy(() -> owned.list(ListAsyncInvokesQuery.all(), PaginationConfig.none()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the lister is closed");
    }

    @Test
    void failureMessageIsRedactedInToString() {
        AsyncInvokeSummary failed = newestFirst.stream().filter(s -> s.failureMessage().isPresent()).findFirst()
                .orElseThrow();
        assertThat(failed.toString()).doesNotContain(failed.failureMessage().get()).contains("Redacted");
        assertThat(Optional.of(failed.status())).contains(InvocationStatus.FAILED);
    }

    @Test
    void interceptorsOfTheClientSeeTheSdksParseOfTheRealBody() {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        software.amazon.awssdk.core.interceptor.ExecutionInterceptor counter =
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void afterUnmarshalling(software.amazon.awssdk.core.interceptor.Context.AfterUnmarshalling c,
                            software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        seen.addAndGet(((software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse)
                                c.response()).asyncInvokeSummaries().size());
                    }
                };
        try (var observed = emulator.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build()) {
            List<AsyncInvokeSummary> items = AsyncInvokeLister.create(observed).list(ListAsyncInvokesQuery.all(),
                    PaginationConfig.builder().pageSize(100).build()).items();

            assertThat(items).isEqualTo(newestFirst);
            assertThat(seen).hasValue(COUNT);
        }
    }
}
