package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code --debug} shows the traffic and never a secret; {@code help} after a command shows its usage. */
class DebugAndHelpTest {
    private static final String KEY_ID = "AKIAKEYIDNOTTOSHOW01";
    private static final String SECRET = "secret/key+not-to-show";
    private static final String SESSION = "session-token-not-to-show";
    private static BedrockRuntimeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(30, 5).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Cli.Run withSessionCredentials(String... flags) {
        SdkClientFactory factory = new SdkClientFactory(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(KEY_ID, SECRET, SESSION)), Duration.ofSeconds(30), name -> null,
                SdkClientFactoryTest.OPS_PROFILE, List::of);
        String[] args = new String[flags.length + 5];
        args[0] = "list-async-invokes";
        args[1] = "--endpoint-url";
        args[2] = emulator.endpoint().toString();
        args[3] = "--region";
        args[4] = "us-east-1";
        System.arraycopy(flags, 0, args, 5, flags.length);
        return Cli.run(new Dependencies(factory, () -> false, running -> { }), args);
    }

    @Test
    void debugShowsEachRequestAndResponseAndNoSecret() {
        Cli.Run quiet = withSessionCredentials("--max-items", "4", "--page-size", "2");
        Cli.Run debug = withSessionCredentials("--max-items", "4", "--page-size", "2", "--debug");

        assertThat(debug.exitCode()).isZero();
        assertThat(debug.out()).isEqualTo(quiet.out());
        assertThat(debug.err()).contains("debug: request: GET " + emulator.endpoint() + "/async-invoke?maxResults=2",
                "debug: response: 200", "debug: response body: {\"asyncInvokeSummaries\":",
                "debug:   Authorization: AWS4-HMAC-SHA256 (credential and signature redacted)",
                "debug:   X-Amz-Security-Token: (redacted)");
        assertThat(debug.errLines().stream().filter(line -> line.startsWith("debug: request: "))).hasSize(2);
        assertThat(debug.err()).doesNotContain(KEY_ID, SECRET, SESSION, "Signature=", "Credential=");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void helpAfterACommandShowsItsUsageAndExitsZero() {
        Cli.Run list = Cli.run(Cli.against(emulator), "list-async-invokes", "help");
        Cli.Run waiter = Cli.run(Cli.against(emulator), "wait", "async-invoke-completed", "help");
        Cli.Run root = Cli.run(Cli.against(emulator), "help");
        emulator.clearRequests();

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("Usage: async-invoke-lister list-async-invokes").contains("--query");
        assertThat(waiter.exitCode()).isZero();
        assertThat(waiter.out()).startsWith("Usage: async-invoke-lister wait async-invoke-completed");
        assertThat(root.exitCode()).isZero();
        assertThat(root.out()).startsWith("Usage: async-invoke-lister");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void helpAsAFlagsValueIsThatValue() {
        Cli.Run query = Cli.run(Cli.against(emulator), "list-async-invokes", "--query", "help");

        assertThat(query.exitCode()).isZero();
        assertThat(query.out()).isEqualTo("null\n");
    }

    @Test
    void theSignaturesOwnHeaderNamesAreAllThatIsLeftOfIt() {
        assertThat(DebugLog.shown("authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/us-east-1/bedrock/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123")).isEqualTo(
                "AWS4-HMAC-SHA256 (credential and signature redacted)");
        assertThat(DebugLog.shown("X-Amz-Security-Token", "token")).isEqualTo("(redacted)");
        assertThat(DebugLog.shown("Content-Type", "application/json")).isEqualTo("application/json");
    }
}
