package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** The clients the real factory makes: what the flags set, and timeouts that hold over HTTP. */
class SdkClientFactoryTest {
    private static final SdkClientFactory FACTORY = new SdkClientFactory(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

    @Test
    void setsTheEndpointTheRegionAndTheProfile() {
        BedrockRuntimeClientBuilder builder = FACTORY.builder(new ClientOptions(
                Optional.of(URI.create("http://127.0.0.1:4566")), Optional.of("eu-west-1"), Optional.of("ops"),
                Duration.ofSeconds(60), Duration.ofSeconds(60)));

        assertThat(builder.overrideConfiguration().defaultProfileName()).hasValue("ops");
        try (BedrockRuntimeClient client = builder.build()) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .hasValue(URI.create("http://127.0.0.1:4566"));
        }
    }

    @Test
    void aReadTimeoutFailsASlowResponseAndZeroWaitsForIt() {
        // The factory's client, retries aside, so that one stall is one failure.
        Dependencies dependencies = new Dependencies(options -> {
            BedrockRuntimeClientBuilder builder = FACTORY.builder(options);
            return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        }, () -> false, running -> { });
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(5, 1).start()) {
            String[] flags = {"list-async-invokes", "--endpoint-url", emulator.endpoint().toString(), "--region",
                "us-east-1", "--cli-read-timeout", "1", "--output", "ndjson"};
            Fault slow = Fault.stall(Duration.ofMillis(1300));
            emulator.faults().next(slow);

            Cli.Run timedOut = Cli.run(dependencies, flags);

            assertThat(timedOut.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
            assertThat(timedOut.err()).containsIgnoringCase("timed out");

            emulator.faults().clear().next(slow);
            flags[6] = "0";
            Cli.Run waited = Cli.run(dependencies, flags);

            assertThat(waited.exitCode()).isZero();
            assertThat(waited.out().lines()).hasSize(5);
        }
    }
}
