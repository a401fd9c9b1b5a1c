package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.TestJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.TokenCycleException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the golden vectors that {@code src/test/python/generate_paging_vectors.py} recorded from botocore's
 * real paginator. Where this library sends the same requests as botocore, pages and {@code NextToken} must be
 * identical; where it deliberately sends others (no page size means 1000; the last request asks only for what
 * {@code maxItems} leaves; a mid-page resume asks for offset + page size), the items must equal the correct ones
 * and both tokens must resume at the same item.
 */
class BotocoreConformanceTest {
    private static final List<Map<String, Object>> VECTORS = load();

    /** One of the vectors' two scripted servers, recording what it was asked. */
    private static final class VectorServer implements PageSource<String> {
        private final Map<String, Object> spec;
        final List<String> requestTokens = new ArrayList<>();
        final List<Integer> requestSizes = new ArrayList<>();

        VectorServer(Map<String, Object> spec) {
            this.spec = spec;
        }

        /** Whether following the scripted pages from a token meets a token again before the listing ends. */
        boolean revisitsToken(String startingToken, Integer maxItems) {
            if (honoursMaxResults()) {
                return false;
            }
            PagingToken start = startingToken == null ? PagingToken.START : PagingToken.parse(startingToken);
            List<String> seen = new ArrayList<>();
            String token = start.serviceToken();
            if (token != null) {
                seen.add(token);
            }
            int delivered = -start.skip();
            while (true) {
                Page<String> page = fetch(token, 1000);
                delivered += page.items().size();
                token = page.nextToken();
                if (token == null || token.isEmpty() || maxItems != null && delivered >= maxItems) {
                    requestTokens.clear();
                    requestSizes.clear();
                    return false;
                }
                if (seen.contains(token)) {
                    requestTokens.clear();
                    requestSizes.clear();
                    return true;
                }
                seen.add(token);
            }
        }

        boolean honoursMaxResults() {
            return spec.get("kind").equals("offset");
        }

        @Override
        public Page<String> fetch(String serviceToken, int maxResults) {
            requestTokens.add(serviceToken);
            requestSizes.add(maxResults);
            if (requestTokens.size() > 30) {
                throw new IllegalStateException("more than 30 requests: the walker loops");
            }
            if (honoursMaxResults()) {
                List<String> items = strings(spec.get("items"));
                int offset = serviceToken == null ? 0
                        : Integer.parseInt(serviceToken.substring("tok/".length(), serviceToken.length() - 2));
                int end = Math.min(items.size(), offset + maxResults);
                return new Page<>(items.subList(offset, end), end < items.size() ? "tok/" + end + "+=" : null);
            }
            for (Object page : (List<?>) spec.get("pages")) {
                Map<?, ?> fields = (Map<?, ?>) page;
                if (Objects.equals(fields.get("token"), serviceToken)) {
                    return new Page<>(strings(fields.get("items")), (String) fields.get("nextToken"));
                }
            }
            throw new IllegalStateException("no scripted page for a token");
        }
    }

    /** What one run of the walker produced. */
    private record Run(List<List<String>> pages, List<String> items, String nextToken, ListingException error) {
    }

    static Stream<String> vectorNames() {
        return VECTORS.stream().map(v -> (String) v.get("name"));
    }

    @Test
    void coversAtLeastFortyScenarios() {
        assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void matchesBotocore(String name) {
        Map<String, Object> vector = VECTORS.stream().filter(v -> v.get("name").equals(name)).findFirst().orElseThrow();
        Map<?, ?> config = (Map<?, ?>) vector.get("config");
        Map<?, ?> botocore = (Map<?, ?>) vector.get("botocore");
        Map<String, Object> serverSpec = map(vector.get("server"));
        String startingToken = (String) config.get("StartingToken");
        Integer maxItems = integer(config.get("MaxItems"));
        Integer pageSize = integer(config.get("PageSize"));

        if (vector.get("listerRejects") != null) {
            assertThatIllegalArgumentException().isThrownBy(() -> PagingToken.parse(startingToken))
                    .withMessageStartingWith("startingToken");
            return;
        }

        VectorServer server = new VectorServer(serverSpec);
        boolean revisitsToken = server.revisitsToken(startingToken, maxItems);
        Run run = walk(server, startingToken, maxItems, pageSize);
        List<String> truth = strings(map(vector.get("truth")).get("items"));
        assertThat(run.items()).as("items").isEqualTo(truth);

        if (revisitsToken) {
            assertThat(run.error()).as("a repeated token fails the listing").isNotNull();
            assertThat(run.error().resumeToken()).isPresent();
            return;
        }
        assertThat(run.error()).isNull();

        boolean sameRequests = server.requestTokens.equals(strings(listOf(botocore.get("requests"), "nextToken")))
                && (!server.honoursMaxResults()
                        || server.requestSizes.equals(listOf(botocore.get("requests"), "maxResults")));
        String botocoreToken = (String) botocore.get("nextToken");
        if (sameRequests && vector.get("botocoreWrong") == null) {
            assertThat(run.pages()).as("pages").isEqualTo(listOfLists(botocore.get("pages")));
            assertThat(run.nextToken()).as("NextToken, byte for byte").isEqualTo(botocoreToken);
            return;
        }
        if (vector.get("botocoreWrong") != null) {
            return; // botocore's pages and token are wrong here; the items matched the truth above.
        }
        // A (+) case: other requests, the same items, and tokens that resume at the same item.
        assertThat(run.nextToken() != null).as("a NextToken exactly when botocore gives one")
                .isEqualTo(botocoreToken != null);
        if (botocoreToken != null) {
            List<String> expected = vector.get("resumesTo") == null ? List.of()
                    : List.of((String) vector.get("resumesTo"));
            assertThat(walk(new VectorServer(serverSpec), run.nextToken(), 1, pageSize).items())
                    .as("our token resumes where botocore's does").isEqualTo(expected);
            assertThat(walk(new VectorServer(serverSpec), botocoreToken, 1, pageSize).items())
                    .as("botocore's token resumes here too").isEqualTo(expected);
        }
    }

    @Test
    void mostVectorsMatchBotocoreExactly() {
        // Counted across every vector, so independent of execution order.
        int exact = 0;
        for (Map<String, Object> vector : VECTORS) {
            Map<?, ?> config = (Map<?, ?>) vector.get("config");
            Map<?, ?> botocore = (Map<?, ?>) vector.get("botocore");
            if (vector.get("listerRejects") != null || vector.get("botocoreWrong") != null
                    || botocore.get("error") != null) {
                continue;
            }
            VectorServer server = new VectorServer(map(vector.get("server")));
            Run run = walk(server, (String) config.get("StartingToken"), integer(config.get("MaxItems")),
                    integer(config.get("PageSize")));
            if (run.pages().equals(listOfLists(botocore.get("pages")))
                    && Objects.equals(run.nextToken(), botocore.get("nextToken"))) {
                exact++;
            }
        }
        assertThat(exact).as("vectors whose pages and NextToken equal botocore's").isGreaterThanOrEqualTo(40);
    }

    private static Run walk(VectorServer server, String startingToken, Integer maxItems, Integer pageSize) {
        PagingToken start = startingToken == null ? PagingToken.START : PagingToken.parse(startingToken);
        PageWalker<String> walker = new PageWalker<>(server, start,
                maxItems == null ? Integer.MAX_VALUE : maxItems, pageSize == null ? 1000 : pageSize);
        List<List<String>> pages = new ArrayList<>();
        List<String> items = new ArrayList<>();
        String nextToken = null;
        try {
            while (walker.hasNext()) {
                WalkedPage<String> page = walker.next();
                pages.add(page.items());
                items.addAll(page.items());
                nextToken = page.resumeToken();
            }
        } catch (ListingException e) {
            return new Run(pages, items, null, e);
        }
        return new Run(pages, items, nextToken, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load() {
        try (InputStream in = BotocoreConformanceTest.class.getResourceAsStream("/golden/paging-vectors.json")) {
            Objects.requireNonNull(in, "golden/paging-vectors.json on the test classpath");
            Map<String, Object> file = (Map<String, Object>) TestJson.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) file.get("vectors");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add((String) o);
        }
        return out;
    }

    private static List<List<String>> listOfLists(Object list) {
        List<List<String>> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(strings(o));
        }
        return out;
    }

    private static List<Object> listOf(Object requests, String key) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) requests) {
            Object value = ((Map<?, ?>) o).get(key);
            out.add(value instanceof BigDecimal number ? (Object) number.intValueExact() : value);
        }
        return out;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((BigDecimal) value).intValueExact();
    }
}
