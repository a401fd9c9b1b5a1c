package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that sends more items than asked for, 1500 for a request of 1000: every token the lister hands out
 * inside such a page, beyond the 1000 a request can ask for, resumes exactly where it says.
 */
class OversizedPagesTest {
    private static final int COUNT = 3000;
    private static final Fault FIVE_HUNDRED_MORE = new Fault.OversizedPage(500);
    private static BedrockRuntimeEmulator emulator;
    private static AsyncInvokeLister lister;
    private static List<AsyncInvokeSummary> newestFirst;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(COUNT, 6).start();
        lister = AsyncInvokeLister.create(emulator.client());
        newestFirst = Listings.newestFirst(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void oneOversizedPageFirst() {
        emulator.faults().clear().next(FIVE_HUNDRED_MORE);
    }

    private static List<AsyncInvokeSummary> listFrom(String token) {
        return lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().startingToken(token).build())
                .items();
    }

    @Test
    void aMaxItemsCutAtItem1200OfA1500ItemPageResumesThere() {
        ListResult first = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().maxItems(1200).build());

        assertThat(first.items()).isEqualTo(newestFirst.subList(0, 1200));
        assertThat(listFrom(first.nextToken().orElseThrow())).isEqualTo(newestFirst.subList(1200, COUNT));
    }

    @Test
    void aCursorCheckpointAtItem1200OfA1500ItemPageResumesThere() {
        List<AsyncInvokeSummary> read = new ArrayList<>();
        String checkpoint;
        try (ListingCursor cursor = lister.cursor(ListAsyncInvokesQuery.all(), PaginationConfig.none())) {
            while (read.size() < 1200) {
                read.add(cursor.next());
            }
            checkpoint = cursor.resumeToken().orElseThrow();
        }

        assertThat(read).isEqualTo(newestFirst.subList(0, 1200));
        assertThat(listFrom(checkpoint)).isEqualTo(newestFirst.subList(1200, COUNT));
    }

    @Test
    void theEndOfA1500ItemPageResumesWithTheNextPage() {
        List<SummaryPage> pages;
        try (var stream = lister.pages(ListAsyncInvokesQuery.all(), PaginationConfig.none())) {
            pages = stream.limit(1).toList();
        }

        assertThat(pages.get(0).items()).isEqualTo(newestFirst.subList(0, 1500));
        assertThat(listFrom(pages.get(0).resumeToken().orElseThrow())).isEqualTo(newestFirst.subList(1500, COUNT));
    }
}
