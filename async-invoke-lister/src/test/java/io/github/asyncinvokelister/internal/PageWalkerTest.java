package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.TokenCycleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageWalkerTest {
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    /** A server over items "i0".."i(n-1)" whose token "t/<offset>" is a position; it honours maxResults. */
    static class OffsetServer implements PageSource<String> {
        final List<String> items;
        final List<String> requests = new ArrayList<>();
        int extra;

        OffsetServer(int count) {
            items = IntStream.range(0, count).mapToObj(i -> "i" + i).collect(Collectors.toList());
        }

        @Override
        public Page<String> fetch(String serviceToken, int maxResults) {
            requests.add(serviceToken + ":" + maxResults);
            int offset = serviceToken == null ? 0 : Integer.parseInt(serviceToken.substring(2));
            int end = Math.min(items.size(), offset + maxResults + extra);
            return new Page<>(items.subList(offset, end), end < items.size() ? "t/" + end : null);
        }
    }

    private static List<String> drain(PageWalker<String> walker) {
        List<String> items = new ArrayList<>();
        while (walker.hasNext()) {
            items.addAll(walker.next().items());
        }
        return items;
    }

    private static List<WalkedPage<String>> pages(PageWalker<String> walker) {
        List<WalkedPage<String>> pages = new ArrayList<>();
        walker.forEachRemaining(pages::add);
        return pages;
    }

    @Test
    void fetchesNothingBeforeFirstPageIsAsked() {
        OffsetServer server = new OffsetServer(5);
        PageWalker<String> walker = new PageWalker<>(server, PagingToken.START, NO_LIMIT, 2);
        assertThat(walker.hasNext()).isTrue();
        assertThat(server.requests).isEmpty();
        walker.next();
        assertThat(server.requests).containsExactly("null:2");
    }

    @Test
    void walksAllPagesWithPageSizeAsMaxResults() {
        OffsetServer server = new OffsetServer(5);
        List<WalkedPage<String>> pages = pages(new PageWalker<>(server, PagingToken.START, NO_LIMIT, 2));
        assertThat(server.requests).containsExactly("null:2", "t/2:2", "t/4:2");
        assertThat(pages).extracting(WalkedPage::items)
                .containsExactly(List.of("i0", "i1"), List.of("i2", "i3"), List.of("i4"));
        assertThat(pages).extracting(WalkedPage::resumeToken)
                .containsExactly(PagingToken.encode("t/2"), PagingToken.encode("t/4"), null);
    }

    @ParameterizedTest(name = "maxItems {0}, pageSize {1}")
    @CsvSource({
        "50, 25, 'null:25 t/25:25'",
        "30, 25, 'null:25 t/25:5'",
        "1, 25, 'null:1'",
        "25, 25, 'null:25'",
        "7, 1000, 'null:7'",
    })
    void asksOnlyForWhatMaxItemsLeaves(int maxItems, int pageSize, String requests) {
        OffsetServer server = new OffsetServer(100);
        List<WalkedPage<String>> pages = pages(new PageWalker<>(server, PagingToken.START, maxItems, pageSize));
        assertThat(server.requests).containsExactly(requests.split(" "));
        assertThat(pages.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(maxItems);
        assertThat(pages.get(pages.size() - 1).resumeToken()).isEqualTo(PagingToken.encode("t/" + maxItems));
    }

    @Test
    void endsWithoutTokenWhenMaxItemsEqualsTotal() {
        OffsetServer server = new OffsetServer(4);
        List<WalkedPage<String>> pages = pages(new PageWalker<>(server, PagingToken.START, 4, 2));
        assertThat(pages.get(1).resumeToken()).isNull();
    }

    @Test
    void keepsEveryItemOfAnOversizedPageWithoutMaxItems() {
        OffsetServer server = new OffsetServer(10);
        server.extra = 3;
        assertThat(drain(new PageWalker<>(server, PagingToken.START, NO_LIMIT, 2))).isEqualTo(server.items);
        assertThat(server.requests).containsExactly("null:2", "t/5:2");
    }

    @Test
    void cutsAnOversizedPageAtMaxItemsAsBotocore() {
        // The first page brings 5 items for the 2 asked: botocore cuts it at 3, and the token says "first page,
        // skip 3".
        OffsetServer server = new OffsetServer(10);
        server.extra = 3;
        List<WalkedPage<String>> pages = pages(new PageWalker<>(server, PagingToken.START, 3, 2));
        assertThat(server.requests).containsExactly("null:2");
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).containsExactly("i0", "i1", "i2");
        assertThat(pages.get(0).resumeToken()).isEqualTo(PagingToken.encode(null, 3));
    }

    @Test
    void resumesMidPageWithSmallerPageSize() {
        // A 10-item page cut at 9, resumed with page size 2: botocore asks for 2 and slices [9:], repeating items.
        OffsetServer server = new OffsetServer(20);
        List<String> items = drain(new PageWalker<>(server, new PagingToken("t/10", 9), NO_LIMIT, 2));
        assertThat(server.requests.get(0)).isEqualTo("t/10:11");
        assertThat(items).isEqualTo(server.items.subList(19, 20));
    }

    @Test
    void resumesMidPageWithMaxItemsCountingTheSkippedItems() {
        OffsetServer server = new OffsetServer(20);
        List<WalkedPage<String>> pages = pages(new PageWalker<>(server, new PagingToken(null, 3), 4, 5));
        assertThat(server.requests).containsExactly("null:7");
        assertThat(pages.get(0).items()).containsExactly("i3", "i4", "i5", "i6");
        assertThat(pages.get(0).resumeToken()).isEqualTo(PagingToken.encode("t/7"));
    }

    @Test
    void capsFirstRequestOfMidPageResumeAtThousand() {
        OffsetServer server = new OffsetServer(3000);
        PageWalker<String> walker = new PageWalker<>(server, new PagingToken("t/0", 900), NO_LIMIT, 1000);
        assertThat(walker.next().items()).hasSize(100).startsWith("i900");
        assertThat(server.requests).containsExactly("t/0:1000");
    }

    @Test
    void carriesTheRestOfAnOffsetPastAPageShorterThanIt() {
        // Resuming at T+3, the server answers T with an empty page and a token for the same position.
        Map<String, PageSource.Page<String>> pages = Map.of(
                "T", new PageSource.Page<>(List.of(), "T2"),
                "T2", new PageSource.Page<>(List.of("a", "b", "c", "d", "e"), null));
        List<String> requested = new ArrayList<>();
        PageWalker<String> walker = new PageWalker<>((token, max) -> {
            requested.add(token + ":" + max);
            return pages.get(token);
        }, new PagingToken("T", 3), NO_LIMIT, 10);
        WalkedPage<String> empty = walker.next();
        assertThat(empty.items()).isEmpty();
        assertThat(empty.resumeToken()).isEqualTo(PagingToken.encode("T2", 3));
        assertThat(walker.next().items()).containsExactly("d", "e");
        assertThat(requested).containsExactly("T:13", "T2:13");
    }

    @Test
    void emptyStringTokenEndsTheListing() {
        Map<String, PageSource.Page<String>> pages = Map.of("start", new PageSource.Page<>(List.of("a"), ""));
        PageWalker<String> walker = new PageWalker<>((token, max) -> pages.get(token == null ? "start" : token),
                PagingToken.START, NO_LIMIT, 10);
        assertThat(walker.next().resumeToken()).isNull();
        assertThat(walker.hasNext()).isFalse();
    }

    @Test
    void emptyPageWithTokenGoesOn() {
        Map<String, PageSource.Page<String>> pages = Map.of(
                "start", new PageSource.Page<>(List.of(), "B"),
                "B", new PageSource.Page<>(List.of("b"), null));
        List<String> items = drain(new PageWalker<>((token, max) -> pages.get(token == null ? "start" : token),
                PagingToken.START, NO_LIMIT, 10));
        assertThat(items).containsExactly("b");
    }

    @Test
    void repeatedTokenFailsAfterDeliveringThePageWithTokenAfterItsLastItem() {
        Map<String, PageSource.Page<String>> pages = Map.of(
                "start", new PageSource.Page<>(List.of("a"), "A"),
                "A", new PageSource.Page<>(List.of("b", "c"), "A"));
        PageWalker<String> walker = new PageWalker<>((token, max) -> pages.get(token == null ? "start" : token),
                PagingToken.START, NO_LIMIT, 10);
        walker.next();
        WalkedPage<String> second = walker.next();
        assertThat(second.items()).containsExactly("b", "c");
        assertThat(walker.hasNext()).isTrue();
        assertThatThrownBy(walker::next).isInstanceOfSatisfying(ListingException.class, e -> {
            assertThat(e.resumeToken()).contains(PagingToken.encode("A", 2));
            assertThat(e.getMessage()).doesNotContain("\"A\"").contains("already seen");
        });
        assertThat(walker.hasNext()).isFalse();
    }

    @Test
    void cycleThroughEarlierTokenFailsWhereBotocoreLoops() {
        Map<String, PageSource.Page<String>> pages = Map.of(
                "start", new PageSource.Page<>(List.of("a"), "A"),
                "A", new PageSource.Page<>(List.of("b"), "B"),
                "B", new PageSource.Page<>(List.of("c"), "A"));
        List<String> requested = new ArrayList<>();
        PageWalker<String> walker = new PageWalker<>((token, max) -> {
            requested.add(token);
            return pages.get(token == null ? "start" : token);
        }, PagingToken.START, NO_LIMIT, 10);
        List<String> items = new ArrayList<>();
        assertThatThrownBy(() -> walker.forEachRemaining(p -> items.addAll(p.items())))
                .isInstanceOfSatisfying(ListingException.class,
                        e -> assertThat(e.resumeToken()).contains(PagingToken.encode("B", 1)));
        assertThat(items).containsExactly("a", "b", "c");
        assertThat(requested).containsExactly(null, "A", "B");
    }

    @Test
    void startingTokenCountsAsSeen() {
        PageWalker<String> walker = new PageWalker<>((token, max) -> new PageSource.Page<>(List.of("x"), "S"),
                new PagingToken("S", 0), NO_LIMIT, 10);
        walker.next();
        assertThatThrownBy(walker::next).isInstanceOf(ListingException.class);
    }

    @Test
    void resumeTokenAfterEachItemResumesWithTheNextItem() {
        OffsetServer server = new OffsetServer(7);
        PageWalker<String> walker = new PageWalker<>(server, new PagingToken(null, 1), NO_LIMIT, 3);
        List<WalkedPage<String>> pages = pages(walker);
        List<String> all = pages.stream().flatMap(p -> p.items().stream()).collect(Collectors.toList());
        int position = 0;
        for (WalkedPage<String> page : pages) {
            for (int i = 0; i < page.items().size(); i++, position++) {
                String token = page.resumeTokenAfter(i);
                List<String> rest = token == null ? List.of()
                        : drain(new PageWalker<>(new OffsetServer(7), PagingToken.parse(token), NO_LIMIT, 2));
                assertThat(rest).as("after item %d", position).isEqualTo(all.subList(position + 1, all.size()));
            }
        }
    }

    @Test
    void closeEndsTheWalk() {
        PageWalker<String> walker = new PageWalker<>(new OffsetServer(5), PagingToken.START, NO_LIMIT, 2);
        walker.next();
        walker.close();
        assertThat(walker.hasNext()).isFalse();
    }
}
