package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.internal.PagingToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lister logs one DEBUG line a page, and never a token or a failure message (slf4j-simple, see resources). */
class LoggingTest {

    @Test
    void logsOneDebugLinePerPageWithoutTokensOrFailureMessages() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        ListResult result;
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(120, 9).start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                result = AsyncInvokeLister.create(emulator.client()).list(ListAsyncInvokesQuery.all(),
                        PaginationConfig.builder().pageSize(50).maxItems(110).build());
            } finally {
                System.setErr(original);
            }
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("PageWalker")).collect(Collectors.toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("DEBUG").contains("page 1: 50 items, has next: true");
        assertThat(lines.get(2)).contains("page 3: 10 items, has next: false");
        String all = captured.toString(StandardCharsets.UTF_8);
        String token = result.nextToken().orElseThrow();
        assertThat(all).doesNotContain(token).doesNotContain(PagingToken.parse(token).serviceToken());
        for (AsyncInvokeSummary summary : result.items()) {
            summary.failureMessage().ifPresent(message -> assertThat(all).doesNotContain(message));
        }
        assertThat(result.items()).anySatisfy(s -> assertThat(s.failureMessage()).isPresent());
    }
}
