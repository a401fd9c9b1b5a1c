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
    /** A config file with the profile the tests name. */
    static final java.util.function.Supplier<software.amazon.awssdk.profiles.ProfileFile> OPS_PROFILE = () ->
            software.amazon.awssdk.profiles.ProfileFile.builder().type(
                    software.amazon.awssdk.profiles.ProfileFile.Type.CONFIGURATION).content(
                    "[profile ops]\nregion = ap-south-1\n").build();
    private static final SdkClientFactory FACTORY = new SdkClientFactory(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
            SdkClientFactory.DEFAULT_REQUEST_TIMEOUT, name -> null, OPS_PROFILE, java.util.List::of);

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

    @Test
    void boundsARequestWithItsRetriesByDefaultAndKeepsTheProfile() {
        BedrockRuntimeClientBuilder builder = FACTORY.builder(new ClientOptions(Optional.empty(),
                Optional.of("us-east-1"), Optional.of("ops"), Duration.ofSeconds(60), Duration.ofSeconds(60)));

        assertThat(builder.overrideConfiguration().apiCallTimeout()).hasValue(Duration.ofMinutes(2));
        assertThat(builder.overrideConfiguration().defaultProfileName()).hasValue("ops");
    }

    /**
     * A server that answers a byte at a time, never tripping a read timeout, or that asks to be retried in an hour,
     * again and again: the request timeout ends it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aServerThatTricklesOrPutsOffItsResponseIsCutOffByTheRequestTimeout(boolean retryAfter) throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread trickler = new Thread(() -> trickle(server, retryAfter), "hostile-server");
            trickler.setDaemon(true);
            trickler.start();
            SdkClientFactory oneSecond = new SdkClientFactory(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                    Duration.ofSeconds(1));
            Dependencies dependencies = new Dependencies(oneSecond, () -> false, running -> { });
            long started = System.nanoTime();

            Cli.Run run = Cli.run(dependencies, "list-async-invokes", "--endpoint-url",
                    "http://127.0.0.1:" + server.getLocalPort(), "--region", "us-east-1", "--cli-read-timeout", "0");

            assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
            assertThat(run.err()).containsIgnoringCase("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    /**
     * Answers every connection with headers that promise a large body, then a byte every 100 ms; or, with
     * {@code retryAfter}, with a 503 that asks for a retry in an hour, after 100 ms.
     */
    private static void trickle(java.net.ServerSocket server, boolean retryAfter) {
        while (!server.isClosed()) {
            try {
                java.net.Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        java.io.InputStream in = socket.getInputStream();
                        java.io.OutputStream out = socket.getOutputStream();
                        byte[] buffer = new byte[8192];
                        while (in.read(buffer) > 0) {
                            if (retryAfter) {
                                Thread.sleep(100);
                                out.write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3600\r\nContent-Type:"
                                        + " application/json\r\nx-amzn-ErrorType: ServiceUnavailableException\r\n"
                                        + "Content-Length: 13\r\n\r\n{\"message\":1}").getBytes(
                                        java.nio.charset.StandardCharsets.US_ASCII));
                                out.flush();
                                continue;
                            }
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000"
                                    + "\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                            out.flush();
                            for (int i = 0; i < 600; i++) {
                                Thread.sleep(100);
                                out.write(' ');
                                out.flush();
                            }
                            return;
                        }
                    } catch (java.io.IOException | InterruptedException ended) {
                        // The client gave up, as it should.
                    }
                });
                connection.setDaemon(true);
                connection.start();
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }
}
