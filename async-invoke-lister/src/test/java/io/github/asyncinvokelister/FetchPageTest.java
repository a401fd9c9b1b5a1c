package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;

/** One raw request, {@link AsyncInvokeLister#fetchPage}: what the AWS CLI's --no-paginate sends and prints. */
class FetchPageTest {
    private static final int COUNT = 25;
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 4).start();
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

    @Test
    void sendsNoMaxResultsUnlessGivenOneAsTheAwsCliDoes() {
        ServicePage page = lister.fetchPage(ListAsyncInvokesQuery.all(), PageRequest.first());

        assertThat(emulator.requests()).singleElement().satisfies(request -> {
            assertThat(request.maxResults()).isEmpty();
            assertThat(request.nextToken()).isEmpty();
        });
        assertThat(page.items()).isEqualTo(newestFirst.subList(0, BedrockRuntimeEmulator.DEFAULT_MAX_RESULTS));
        assertThat(page.nextToken()).isPresent();
    }

    @Test
    void followsTheServicesOwnTokenPageByPage() {
        PageRequest sevens = PageRequest.first().withMaxResults(7);
        ServicePage first = lister.fetchPage(ListAsyncInvokesQuery.all(), sevens);
        ServicePage second = lister.fetchPage(ListAsyncInvokesQuery.all(),
                sevens.withNextToken(first.nextToken().orElseThrow()));

        assertThat(emulator.requests()).extracting(RecordedRequest::maxResults)
                .containsExactly(Optional.of(7), Optional.of(7));
        assertThat(emulator.requests().get(1).nextToken()).isEqualTo(first.nextToken());
        assertThat(first.items()).isEqualTo(newestFirst.subList(0, 7));
        assertThat(second.items()).isEqualTo(newestFirst.subList(7, 14));
    }

    @Test
    void aLastPageHasNoToken() {
        ServicePage all = lister.fetchPage(ListAsyncInvokesQuery.all(), PageRequest.first().withMaxResults(1000));

        assertThat(all.items()).isEqualTo(newestFirst);
        assertThat(all.nextToken()).isEmpty();
    }

    @Test
    void aFailedRequestIsARequestFailedExceptionWhoseTokenStartsAListingThere() {
        ServicePage first = lister.fetchPage(ListAsyncInvokesQuery.all(), PageRequest.first().withMaxResults(5));
        emulator.faults().next(Fault.ACCESS_DENIED);

        assertThatThrownBy(() -> lister.fetchPage(ListAsyncInvokesQuery.all(),
                PageRequest.first().withMaxResults(5).withNextToken(first.nextToken().orElseThrow())))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> {
                    assertThat(e).hasCauseInstanceOf(AccessDeniedException.class);
                    List<AsyncInvokeSummary> rest = lister.list(ListAsyncInvokesQuery.all(),
                            PaginationConfig.builder().startingToken(e.resumeToken().orElseThrow()).build()).items();
                    assertThat(rest).isEqualTo(newestFirst.subList(5, COUNT));
                });
    }

    @Test
    void aTokenTheServiceRefusesIsAnIllegalArgumentNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> lister.fetchPage(ListAsyncInvokesQuery.all(),
                PageRequest.first().withNextToken("made-up")))
                .withMessageStartingWith("nextToken was rejected by the service (ValidationException)")
                .withMessageNotContaining("made-up");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void maxResultsOutsideTheServicesRangeIsRefusedBeforeAnyRequest(int maxResults) {
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first().withMaxResults(maxResults))
                .withMessage("maxResults must be between 1 and 1000: " + maxResults);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void aNextTokenTheServiceCannotTakeIsRefusedBeforeAnyRequest() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first().withNextToken(""))
                .withMessage("nextToken is empty");
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first().withNextToken("x".repeat(2049)))
                .withMessage("nextToken is longer than 2048 characters: 2049");
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first().withNextToken("a\tb"))
                .withMessage("nextToken contains whitespace");
        assertThat(PageRequest.first().withNextToken("x".repeat(2048)).nextToken()).hasValue("x".repeat(2048));
        assertThatNullPointerException().isThrownBy(() -> new PageRequest(null, Optional.empty()))
                .withMessage("maxResults");
        assertThatNullPointerException().isThrownBy(() -> new PageRequest(OptionalInt.empty(), null))
                .withMessage("nextToken");
    }

    @Test
    void argumentsAndAClosedListerAreCheckedBeforeAnyRequest() {
        assertThatNullPointerException().isThrownBy(() -> lister.fetchPage(null, PageRequest.first()))
                .withMessage("query");
        assertThatNullPointerException().isThrownBy(() -> lister.fetchPage(ListAsyncInvokesQuery.all(), null))
                .withMessage("request");
        AsyncInvokeLister closed = AsyncInvokeLister.create(emulator.client());
        closed.close();
        assertThatThrownBy(() -> closed.fetchPage(ListAsyncInvokesQuery.all(), PageRequest.first()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the lister is closed");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void filtersAreSentWithTheRawRequest() {
        lister.fetchPage(ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.FAILED)
                .sortOrder(SortOrder.ASCENDING).build(), PageRequest.first().withMaxResults(3));

        Map<String, String> sent = emulator.requests().get(0).queryParameters();
        assertThat(sent).containsEntry("statusEquals", "Failed").containsEntry("sortOrder", "Ascending")
                .containsEntry("maxResults", "3");
    }
}
