package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The emulator as a server under clients that misbehave: slow, silent or stuck connections, many at once, requests
 * it cannot read, and a test that never clears the request log.
 */
class ServerTest {

    @Test
    void connectionsThatNeverFinishTheirRequestStopNoOne() throws IOException {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().generated(30, 1).start()) {
            List<Socket> stuck = new ArrayList<>();
            try {
                for (int i = 0; i < 80; i++) {
                    Socket socket = connect(emu);
                    socket.getOutputStream().write("GET /async-invoke HTTP/1.1\r\nHost: x\r\n"
                            .getBytes(StandardCharsets.US_ASCII)); // and never the blank line
                    socket.getOutputStream().flush();
                    stuck.add(socket);
                }
                long started = System.nanoTime();
                assertThat(emu.client().listAsyncInvokes(r -> r.maxResults(5)).asyncInvokeSummaries()).hasSize(5);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            } finally {
                for (Socket socket : stuck) {
                    socket.close();
                }
            }
        }
    }

    // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
    @SuppressWarnings("deprecation")
    @Test
    void manyStalledRequestsAtOnceLeaveRoomForOthers() throws Exception {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().generated(30, 1).start()) {
            int stalled = 40;
            for (int i = 0; i < stalled; i++) {
                emu.faults().next(Fault.stall(Duration.ofSeconds(3)));
            }
            BedrockRuntimeClient client = emu.clientBuilder()
                    .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(64))
                    .build();
            try (client) {
                List<CompletableFuture<?>> slow = new ArrayList<>();
                for (int i = 0; i < stalled; i++) {
                    slow.add(CompletableFuture.runAsync(() -> client.listAsyncInvokes(r -> r.maxResults(1))));
                }
                while (emu.faults().pending().size() > 0) {
                    Thread.sleep(10);
                }
                long started = System.nanoTime();
                assertThat(client.getAsyncInvoke(r -> r.invocationArn(emu.invocations().get(0).invocationArn()))
                        .invocationArn()).isEqualTo(emu.invocations().get(0).invocationArn());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                CompletableFuture.allOf(slow.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().idleTimeout(Duration.ofMillis(300))
                .start(); Socket socket = connect(emu)) {
            socket.setSoTimeout(5_000);
            long started = System.nanoTime();

            int read = socket.getInputStream().read();

            assertThat(read).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200),
                    Duration.ofSeconds(4));
        }
    }

    @Test
    void theRequestLogKeepsTheLastRequestsOnlyAndCountsThemAll() {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().generated(20, 2).requestLogLimit(5)
                .start()) {
            for (int size = 1; size <= 8; size++) {
                int maxResults = size;
                emu.client().listAsyncInvokes(r -> r.maxResults(maxResults));
            }

            assertThat(emu.requests()).extracting(RecordedRequest::maxResults)
                    .map(max -> max.orElseThrow()).containsExactly(4, 5, 6, 7, 8);
            assertThat(emu.requestCount()).isEqualTo(8);
            emu.clearRequests();
            assertThat(emu.requests()).isEmpty();
            assertThat(emu.requestCount()).isZero();
        }
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().requestLogLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestLogLimit must be at least 1: 0");
        assertThatThrownBy(() -> BedrockRuntimeEmulator.builder().idleTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("idleTimeout must be positive: PT0S");
    }

    /** Requests Jetty answers before the emulator's handler: in the service's JSON shape, not an HTML page. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GET /async-invoke/% HTTP/1.1                 | 400 | ValidationException",
        "GET /async-invoke/%zz HTTP/1.1               | 400 | ValidationException",
        "GET /x/../../async-invoke HTTP/1.1           | 400 | ValidationException",
        "GET /async-invoke HTTP/1.1 extra             | 400 | ValidationException",
        "GET //async-invoke HTTP/1.1                  | 404 | UnknownOperationException",
        "OPTIONS * HTTP/1.1                           | 404 | UnknownOperationException",
        "BREW /async-invoke HTTP/1.1                  | 404 | UnknownOperationException",
    })
    void requestsItCannotReadGetTheServicesErrorShape(String requestLine, int status, String errorType)
            throws IOException {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().start(); Socket socket = connect(emu)) {
            String response = exchange(socket, requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 " + status + " ").containsIgnoringCase(
                    "Content-Type: application/json").containsIgnoringCase("x-amzn-ErrorType: " + errorType)
                    .contains("{\"message\":\"").doesNotContainIgnoringCase("<html");
        }
    }

    @Test
    void headersTooLargeGetTheServicesErrorShape() throws IOException {
        try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().start(); Socket socket = connect(emu)) {
            String response = exchange(socket, "GET /async-invoke HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000)
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 431 ").containsIgnoringCase("Content-Type: application/json")
                    .contains("{\"message\":\"");
        }
    }

    private static Socket connect(BedrockRuntimeEmulator emu) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(emu.endpoint().getHost(), emu.port()), 5_000);
        return socket;
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
