package io.github.asyncinvokelister.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;

/**
 * Requests and items transferred for a few {@code MaxItems} and {@code PageSize}, the lister against boto3, over
 * one emulator of {@value #ITEMS} items. Requests are counted by the emulator ({@code requests()}); items
 * transferred are counted in each client as responses are parsed, before anything is cut to {@code MaxItems}
 * (an SDK interceptor; botocore's {@code after-call} event), and cross-checked against the {@code maxResults}
 * the emulator received.
 */
final class RequestsTable {
    static final int ITEMS = 10_000;

    /** One {@code PaginationConfig}. */
    record Case(int maxItems, int pageSize) {
        long expectedRequests() {
            return (maxItems + pageSize - 1) / pageSize;
        }
    }

    /** What one client did for one case. */
    record Row(Case config, String client, int requests, long delivered, long transferred, long askedFor) {
    }

    static final List<Case> CASES = List.of(new Case(7, 5), new Case(50, 25), new Case(100, 1000),
            new Case(1001, 1000), new Case(2500, 1000), new Case(2500, 300), new Case(5000, 1000));

    private RequestsTable() {
    }

    static List<Row> run(Optional<Boto3> boto3) {
        List<Row> rows = new ArrayList<>();
        AtomicLong transferred = new AtomicLong();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                if (context.response() instanceof ListAsyncInvokesResponse response) {
                    transferred.addAndGet(response.asyncInvokeSummaries().size());
                }
            }
        };
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(ITEMS, BenchSupport.SEED)
                .start();
             BedrockRuntimeClient client = BenchSupport.client(emulator.endpoint(), counter)) {
            AsyncInvokeLister lister = AsyncInvokeLister.create(client);
            for (Case config : CASES) {
                emulator.clearRequests();
                transferred.set(0);
                int delivered = lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder()
                        .maxItems(config.maxItems()).pageSize(config.pageSize()).build()).items().size();
                rows.add(row(config, "lister", emulator.requests(), delivered, transferred.get()));
                if (boto3.isPresent()) {
                    emulator.clearRequests();
                    ChildProcess.Output output = boto3.get().run("requests", emulator.endpoint(),
                            "--max-items", Integer.toString(config.maxItems()),
                            "--page-size", Integer.toString(config.pageSize()));
                    Map<?, ?> counts = counts(output.lines().get(output.lines().size() - 1));
                    rows.add(row(config, "boto3", emulator.requests(), number(counts, "delivered"),
                            number(counts, "transferred")));
                }
            }
        }
        return rows;
    }

    private static Row row(Case config, String client, List<RecordedRequest> requests, long delivered,
            long transferred) {
        long askedFor = requests.stream().mapToLong(r -> r.maxResults().orElse(0)).sum();
        return new Row(config, client, requests.size(), delivered, transferred, askedFor);
    }

    private static long number(Map<?, ?> counts, String key) {
        return ((Number) counts.get(key)).longValue();
    }

    /** The script's last line, {@code {"delivered": n, "transferred": m}}. */
    private static Map<?, ?> counts(String line) {
        try {
            return new ObjectMapper().readValue(line, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("boto3_paginate.py printed no counts", e);
        }
    }

    /** The table in Markdown, a row a case. */
    static List<String> markdown(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("| MaxItems | PageSize | ceil(m/p) | lister requests | lister items transferred | "
                + "boto3 requests | boto3 items transferred |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|");
        for (Case config : CASES) {
            Row lister = find(rows, config, "lister").orElseThrow();
            Optional<Row> boto3 = find(rows, config, "boto3");
            lines.add("| " + config.maxItems() + " | " + config.pageSize() + " | " + config.expectedRequests()
                    + " | " + lister.requests() + " | " + lister.transferred() + " | "
                    + boto3.map(r -> Integer.toString(r.requests())).orElse("-") + " | "
                    + boto3.map(r -> Long.toString(r.transferred())).orElse("-") + " |");
        }
        return lines;
    }

    /** Whether every lister row made exactly ceil(m/p) requests and moved no more than m items. */
    static boolean listerExact(List<Row> rows) {
        return rows.stream().filter(r -> r.client().equals("lister")).allMatch(r ->
                r.requests() == r.config().expectedRequests() && r.transferred() <= r.config().maxItems()
                        && r.delivered() == r.config().maxItems() && r.askedFor() == r.transferred());
    }

    private static Optional<Row> find(List<Row> rows, Case config, String client) {
        return rows.stream().filter(r -> r.config().equals(config) && r.client().equals(client)).findFirst();
    }
}
