package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.asyncinvokelister.emulator.Lifecycle;
import io.github.asyncinvokelister.emulator.ManualClock;
import io.github.asyncinvokelister.emulator.junit5.BedrockRuntimeEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The lister over whole async workflows: invocations started through {@code StartAsyncInvoke}, listed as they run
 * and end, and listings under way while others start and end. The emulator's page tokens hold an item's key, not an
 * index, so what a listing sees is what the README says: nothing twice, nothing that existed lost, and a newcomer
 * seen only if it sorts after the listing's position.
 */
class WorkflowListingTest {
    private static final Duration RUNS = Duration.ofMinutes(3);

    @RegisterExtension
    static final BedrockRuntimeEmulatorExtension BEDROCK = BedrockRuntimeEmulatorExtension.builder()
            .emulator(b -> b.generated(40, 8)
                    .lifecycle(Lifecycle.completesAfter(RUNS))
                    .lifecycle("luma.ray-v2:0", Lifecycle.failsAfter(RUNS, "The prompt was blocked.")))
            .build();

    private static String start(BedrockRuntimeClient client, String modelId) {
        return client.startAsyncInvoke(r -> r.modelId(modelId)
                .modelInput(Document.fromMap(Map.of("taskType", Document.fromString("TEXT_VIDEO"))))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://media-bucket/reels"))))
                .invocationArn();
    }

    private static List<String> arns(Stream<AsyncInvokeSummary> summaries) {
        try (summaries) {
            return summaries.map(AsyncInvokeSummary::invocationArn).toList();
        }
    }

    @Test
    void listsStartedInvocationsInProgressThenEndedBy(BedrockRuntimeClient client, ManualClock clock) {
        AsyncInvokeLister lister = AsyncInvokeLister.create(client);
        ListAsyncInvokesQuery inProgress = ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.IN_PROGRESS)
                .submitTimeAfter(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START.minusMillis(1)).build();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(client, i % 2 == 0 ? "amazon.nova-reel-v1:1" : "luma.ray-v2:0"));
            clock.advance(Duration.ofSeconds(10));
        }

        // Newest first, as the service sorts by default.
        List<String> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        assertThat(arns(lister.stream(inProgress, PaginationConfig.none().withPageSize(2))))
                .containsExactlyElementsOf(newestFirst);

        clock.advance(RUNS.minusSeconds(35));
        // Submitted at +0, +10, ..., +40 s, and now it is +195 s: the first two have run their 3 minutes.
        assertThat(arns(lister.stream(inProgress))).containsExactly(started.get(4), started.get(3), started.get(2));
        try (Stream<AsyncInvokeSummary> ended = lister.stream(ListAsyncInvokesQuery.builder()
                .submitTimeAfter(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START.minusMillis(1)).build())) {
            assertThat(ended.filter(s -> s.status() != InvocationStatus.IN_PROGRESS).toList())
                    .extracting(AsyncInvokeSummary::invocationArn, AsyncInvokeSummary::status)
                    .containsExactly(tuple(started.get(1), InvocationStatus.FAILED),
                            tuple(started.get(0), InvocationStatus.COMPLETED));
        }
    }

    @Test
    void aNewestFirstListingUnderWaySeesEveryOlderItemOnceAndNoneStartedSince(BedrockRuntimeClient client,
            ManualClock clock) {
        for (int i = 0; i < 6; i++) {
            start(client, "amazon.nova-reel-v1:1");
            clock.advance(Duration.ofMinutes(1));
        }
        AsyncInvokeLister lister = AsyncInvokeLister.create(client);
        List<String> before = arns(lister.stream(ListAsyncInvokesQuery.all()));
        Set<String> startedDuring = new HashSet<>();

        List<String> seen = new ArrayList<>();
        try (Stream<AsyncInvokeSummary> listing = lister.stream(ListAsyncInvokesQuery.all(),
                PaginationConfig.none().withPageSize(3))) {
            Iterator<AsyncInvokeSummary> items = listing.iterator();
            while (items.hasNext()) {
                seen.add(items.next().invocationArn());
                // While the listing is under way: one starts, and time passes, so the earlier ones end.
                startedDuring.add(start(client, "amazon.nova-reel-v1:1"));
                clock.advance(Duration.ofSeconds(50));
            }
        }

        assertThat(seen).containsExactlyElementsOf(before).doesNotContainAnyElementsOf(startedDuring);
    }

    @Test
    void aListingResumedFromItsTokenAfterOthersStartedGoesOnWhereItStopped(BedrockRuntimeClient client,
            ManualClock clock) {
        AsyncInvokeLister lister = AsyncInvokeLister.create(client);
        ListAsyncInvokesQuery oldestFirst = ListAsyncInvokesQuery.builder().sortOrder(SortOrder.ASCENDING).build();
        List<String> all = arns(lister.stream(oldestFirst));

        ListResult first = lister.list(oldestFirst, PaginationConfig.builder().maxItems(25).pageSize(10).build());
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(start(client, "amazon.nova-reel-v1:1"));
            clock.advance(Duration.ofMinutes(2));
        }
        List<String> rest = arns(lister.stream(oldestFirst, PaginationConfig.builder()
                .startingToken(first.nextToken().orElseThrow()).pageSize(10).build()));

        // Stopped in the middle of a page; oldest first, what started since sorts after, so the rest includes it.
        List<String> expected = new ArrayList<>(all.subList(25, all.size()));
        expected.addAll(started);
        assertThat(first.items()).extracting(AsyncInvokeSummary::invocationArn).isEqualTo(all.subList(0, 25));
        assertThat(rest).isEqualTo(expected);
    }
}
