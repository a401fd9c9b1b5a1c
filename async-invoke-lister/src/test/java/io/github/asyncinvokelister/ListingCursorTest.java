package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.internal.PagingToken;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListingCursorTest {
    private static final int COUNT = 47;
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 5).start();
        lister = AsyncInvokeLister.create(emulator.client());
        newestFirst = Listings.newestFirst(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<AsyncInvokeSummary> listFrom(String token, int pageSize) {
        try (Stream<AsyncInvokeSummary> items = lister.stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().startingToken(token).pageSize(pageSize).build())) {
            return items.collect(Collectors.toList());
        }
    }

    @Test
    void resumeTokenAfterEveryItemResumesWithTheNextOne() {
        // Start mid-page so the tokens carry a truncate amount on the first page as well as on later ones.
        List<String> tokens = new ArrayList<>();
        List<AsyncInvokeSummary> items = new ArrayList<>();
        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().startingToken(PagingToken.encode(null, 3)).pageSize(10).build())) {
            while (cursor.hasNext()) {
                items.add(cursor.next());
                tokens.add(cursor.resumeToken().orElse(null));
            }
        }
        assertThat(items).isEqualTo(newestFirst.subList(3, COUNT));
        assertThat(tokens.get(tokens.size() - 1)).as("nothing left after the last item").isNull();
        for (int i = 0; i < tokens.size() - 1; i++) {
            // Resume with another page size too: the token is a position, not a page.
            assertThat(listFrom(tokens.get(i), 1 + i % 7)).as("after item %d", i)
                    .isEqualTo(newestFirst.subList(3 + i + 1, COUNT));
        }
    }

    @Test
    void resumeTokenBeforeTheFirstItemIsWhereTheListingStarts() {
        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(), PaginationConfig.none())) {
            assertThat(listFrom(cursor.resumeToken().orElseThrow(), 10)).isEqualTo(newestFirst);
            assertThat(emulator.requests()).isNotEmpty();
        }
    }

    @Test
    void resumeTokenAfterAPageIsFetchedButBeforeItsFirstItemIsTaken() {
        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().pageSize(5).build())) {
            for (int i = 0; i < 5; i++) {
                cursor.next();
            }
            assertThat(cursor.hasNext()).isTrue(); // fetches page 2
            assertThat(listFrom(cursor.resumeToken().orElseThrow(), 5)).isEqualTo(newestFirst.subList(5, COUNT));
        }
    }

    @Test
    void closedCursorReturnsNothingMoreButStillSaysWhereItWas() {
        emulator.clearRequests();
        ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(10)
                .build());
        cursor.next();
        cursor.next();
        cursor.close();
        assertThat(cursor.hasNext()).isFalse();
        assertThat(emulator.requests()).hasSize(1);
        assertThat(listFrom(cursor.resumeToken().orElseThrow(), 10)).isEqualTo(newestFirst.subList(2, COUNT));
    }

    @Test
    void maxItemsCutLeavesATokenAfterTheLastItem() {
        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(),
                PaginationConfig.builder().maxItems(12).pageSize(5).build())) {
            cursor.forEachRemaining(item -> { });
            assertThat(listFrom(cursor.resumeToken().orElseThrow(), 5)).isEqualTo(newestFirst.subList(12, COUNT));
        }
    }
}
