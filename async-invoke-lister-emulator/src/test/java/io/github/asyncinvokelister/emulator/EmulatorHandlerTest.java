package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler with a dataset the test controls. */
class EmulatorHandlerTest {
    private static final Duration LATENCY = Duration.ofMillis(400);
    private static final Duration BUILD_PER_ITEM = Duration.ofMillis(100);
    private static final int ITEMS = 2;

    /** A page takes {@link #LATENCY} to arrive, not the latency plus the time it took to build. */
    @Test
    void buildingAPageCountsTowardTheLatency() throws Exception {
        Dataset slow = new SlowDataset(new GeneratedInvocations(ITEMS, 7), BUILD_PER_ITEM);
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().dataset(slow).latency(LATENCY).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.endpoint()
                    + "/async-invoke?maxResults=" + ITEMS)).build();

            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(new GeneratedInvocations(ITEMS, 7).get(0).invocationArn());
            // Building the page takes at least ITEMS * 100 ms = 200 ms: added to the latency, at least 600 ms.
            assertThat(took).isGreaterThanOrEqualTo(LATENCY)
                    .isLessThan(LATENCY.plus(BUILD_PER_ITEM.multipliedBy(ITEMS)));
        }
    }

    /** Takes {@code delay} to produce each item, like an expensive page. */
    private record SlowDataset(Dataset items, Duration delay) implements Dataset {
        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Invocation get(int index) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return items.get(index);
        }

        @Override
        public Instant submitTime(int index) {
            return items.submitTime(index);
        }

        @Override
        public Optional<Invocation> find(String invocationArn) {
            return items.find(invocationArn);
        }

        @Override
        public List<Invocation> asList() {
            return items.asList();
        }

        @Override
        public long fingerprint() {
            return items.fingerprint();
        }
    }
}
