package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.bench.ThroughputBenchmark;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;

/**
 * What one 1000-item page costs, piece by piece, in CPU time of the calling thread (the emulator runs on threads of
 * its own in this JVM): the SDK call alone, which parses the body into the SDK's objects; the lister's whole fetch of
 * the same page ({@link SdkPageSource#fetch}: the call, the response reader's parse into records, and the SDK's parse
 * of the {@code {}} it hands over instead); the same fetch as a client with interceptors of its own gets it (the SDK
 * parses the body, the lister maps its result and reads the union names it drops); and, on a copy of that page's body, the reader's parse alone
 * ({@link ListResponseJson#read}) and the fallback's pass over the union member names
 * ({@link ListResponseJson#unknownMemberNames}), which runs only for a body the reader leaves to the SDK. The same
 * page every time, the 6th of the throughput benchmark's data; the pieces alternate, and each figure is the median
 * over the iterations after the first third.
 *
 * <p>It sits in the library's internal package, on the class path, to time pieces that are package-private there.
 *
 * <pre>{@code
 * java -cp async-invoke-lister-benchmarks/target/benchmarks.jar io.github.asyncinvokelister.internal.PageCost \
 *     --data generated --pages 600
 * }</pre>
 */
public final class PageCost {
    private static final int PAGE_SIZE = 1000;

    private PageCost() {
    }

    /**
     * Runs it.
     *
     * @param args {@code --data generated|s3only} (generated) and {@code --pages N} (600 of each kind)
     */
    public static void main(String[] args) {
        String data = "generated";
        int pages = 600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = args[i + 1];
                case "--pages" -> pages = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        try (BedrockRuntimeEmulator emulator = ThroughputBenchmark.emulator(data);
             BedrockRuntimeClient client = emulator.client()) {
            String token = null;
            for (int i = 0; i < 5; i++) {
                token = client.listAsyncInvokes(request(token)).nextToken();
            }
            ListAsyncInvokesRequest plain = request(token);
            ListResponseReader reader = new ListResponseReader();
            SdkPageSource source = new SdkPageSource(client, ListAsyncInvokesQuery.all(), token, "startingToken",
                    reader);
            // What a client with interceptors of its own gets: the SDK parses every body, the lister maps its result.
            SdkPageSource sdkParses = new SdkPageSource(client, ListAsyncInvokesQuery.all(), token, "startingToken",
                    new ListResponseReader(false));
            byte[] body = body(emulator, token);
            long unknown = ListResponseJson.unknownMemberNames(body, body.length).stream()
                    .filter(name -> !name.isEmpty()).count();
            String pageToken = token;
            Map<String, List<Long>> cpu = new LinkedHashMap<>();
            for (int i = 0; i < pages; i++) {
                boolean measured = i >= pages / 3;
                record(cpu, "SDK call", measured, threads::getCurrentThreadCpuTime,
                        () -> client.listAsyncInvokes(plain).asyncInvokeSummaries().size());
                record(cpu, "lister's fetch of the page", measured, threads::getCurrentThreadCpuTime,
                        () -> source.fetch(pageToken, PAGE_SIZE).items().size());
                record(cpu, "lister's fetch, the SDK parsing", measured, threads::getCurrentThreadCpuTime,
                        () -> sdkParses.fetch(pageToken, PAGE_SIZE).items().size());
                record(cpu, "the reader's parse alone", measured, threads::getCurrentThreadCpuTime,
                        () -> ListResponseJson.read(body, body.length).items().size());
                record(cpu, "member names, fallback pass", measured, threads::getCurrentThreadCpuTime,
                        () -> ListResponseJson.unknownMemberNames(body, body.length).size());
            }
            System.out.printf("%s data, one page of %d items (%,d bytes) with %d unknown union members; medians of %d"
                    + " pages:%n", data, PAGE_SIZE, body.length, unknown, pages - pages / 3);
            cpu.forEach((what, nanos) -> System.out.printf("  %-36s %8.1f µs CPU%n", what, median(nanos) / 1e3));
        }
    }

    /** The page's body as the emulator sends it. */
    private static byte[] body(BedrockRuntimeEmulator emulator, String token) {
        URI page = URI.create(emulator.endpoint() + "/async-invoke?maxResults=" + PAGE_SIZE + "&nextToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ListAsyncInvokesRequest request(String token) {
        return ListAsyncInvokesRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build();
    }

    private static void record(Map<String, List<Long>> cpu, String what, boolean measured, LongSupplier clock,
            LongSupplier work) {
        long start = clock.getAsLong();
        long items = work.getAsLong();
        long nanos = clock.getAsLong() - start;
        if (items != PAGE_SIZE) {
            throw new IllegalStateException(what + " gave " + items + " items, expected " + PAGE_SIZE);
        }
        if (measured) {
            cpu.computeIfAbsent(what, key -> new ArrayList<>()).add(nanos);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
