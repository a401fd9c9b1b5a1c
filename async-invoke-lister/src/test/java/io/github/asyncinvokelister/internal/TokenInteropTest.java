package io.github.asyncinvokelister.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.asyncinvokelister.TestJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tokens this library hands out, read by botocore's own {@code TokenDecoder}, which boto3 and the AWS CLI read
 * a {@code NextToken} with: the longest service tokens the model allows, non-ASCII and outside the Basic
 * Multilingual Plane, and truncate amounts beyond one request's page. Skips, saying why, where python3 or botocore
 * is absent.
 */
class TokenInteropTest {
    private static final String DECODE = String.join("\n",
            "import json, sys",
            "from botocore.paginate import TokenDecoder",
            "for line in sys.stdin.read().split():",
            "    print(json.dumps(TokenDecoder().decode(line)))");

    @Test
    void botocoreReadsEveryKindOfTokenTheLibraryHandsOut() throws IOException, InterruptedException {
        assumeTrue(botocoreAvailable(), "python3 with botocore is not installed: skipping the token interop check");
        Map<String, PagingToken> tokens = new LinkedHashMap<>();
        String astral = "\uD83D\uDE00".repeat(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH);
        String accented = "\u00e9".repeat(ServiceLimits.MAX_SERVICE_TOKEN_LENGTH);
        for (PagingToken position : List.of(new PagingToken(astral, 0), new PagingToken(astral, Integer.MAX_VALUE),
                new PagingToken(accented, 1200), new PagingToken("+/+/AQ==", 1001), new PagingToken("q\"\\/\u0001", 3),
                new PagingToken(null, 1500), new PagingToken("None", 0), new PagingToken("None", 4))) {
            tokens.put(position.encode(), position);
        }

        Process python = new ProcessBuilder("python3", "-c", DECODE).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        python.getOutputStream().write(String.join("\n", tokens.keySet()).getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        List<String> decoded = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).isZero();

        List<PagingToken> expected = new ArrayList<>(tokens.values());
        assertThat(decoded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<?, ?> botocore = (Map<?, ?>) TestJson.parse(decoded.get(i));
            PagingToken position = expected.get(i);
            assertThat(botocore.get("nextToken")).as("token %d's nextToken", i).isEqualTo(position.serviceToken());
            Object amount = botocore.get("boto_truncate_amount");
            assertThat(amount == null ? 0 : ((java.math.BigDecimal) amount).intValueExact())
                    .as("token %d's truncate amount", i).isEqualTo(position.skip());
        }
    }

    private static boolean botocoreAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import botocore.paginate").redirectErrorStream(true)
                    .start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
