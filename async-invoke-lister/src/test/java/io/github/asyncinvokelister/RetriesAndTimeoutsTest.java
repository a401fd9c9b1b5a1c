package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;

/** The builder's retry and timeout options reach the SDK client it builds. */
class RetriesAndTimeoutsTest {
    private static BedrockRuntimeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = BedrockRuntimeEmulator.builder().generated(30, 1).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static AsyncInvokeLister.Builder lister() {
        emulator.faults().clear();
        emulator.clearRequests();
        return AsyncInvokeLister.builder().region(Region.US_EAST_1).endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")));
    }

    private static ListResult listAll(AsyncInvokeLister lister) {
        return lister.list(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(10).build());
    }

    @Test
    void defaultRetriesOutlastTwoServerErrors() {
        try (AsyncInvokeLister lister = lister().build()) {
            emulator.faults().next(Fault.NONE, Fault.INTERNAL_ERROR, Fault.INTERNAL_ERROR);
            assertThat(listAll(lister).items()).hasSize(30);
            assertThat(emulator.requests()).hasSize(5);
        }
    }

    @Test
    void oneAttemptTurnsRetriesOff() {
        try (AsyncInvokeLister lister = lister().maxAttempts(1).build()) {
            emulator.faults().next(Fault.NONE, Fault.INTERNAL_ERROR);
            assertThatThrownBy(() -> listAll(lister)).isInstanceOf(RequestFailedException.class)
                    .hasCauseInstanceOf(InternalServerException.class);
            assertThat(emulator.requests()).hasSize(2);
        }
    }

    @Test
    void adaptiveModeRetriesToo() {
        try (AsyncInvokeLister lister = lister().retryMode(RetryMode.ADAPTIVE_V2).maxAttempts(4).build()) {
            emulator.faults().next(Fault.INTERNAL_ERROR, Fault.INTERNAL_ERROR, Fault.INTERNAL_ERROR);
            assertThat(listAll(lister).items()).hasSize(30);
        }
    }

    @Test
    void attemptTimeoutCutsOffAServerThatHangs() {
        try (AsyncInvokeLister lister = lister().maxAttempts(2).apiCallAttemptTimeout(Duration.ofMillis(200))
                .build()) {
            emulator.faults().next(Fault.stall(Duration.ofSeconds(5)), Fault.stall(Duration.ofSeconds(5)));
            long started = System.nanoTime();
            assertThatThrownBy(() -> listAll(lister)).isInstanceOf(RequestFailedException.class)
                    .hasCauseInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            // The SDK interrupts its own attempt to time it out; that is no interrupt of the caller's.
            assertThat(Thread.interrupted()).as("interrupt flag after a timeout").isFalse();
        }
    }

    @Test
    void callTimeoutBoundsARequestWithItsRetries() {
        try (AsyncInvokeLister lister = lister().apiCallTimeout(Duration.ofMillis(300)).build()) {
            emulator.faults().next(Fault.stall(Duration.ofSeconds(5)));
            assertThatThrownBy(() -> listAll(lister)).isInstanceOf(RequestFailedException.class)
                    .hasCauseInstanceOf(ApiCallTimeoutException.class);
            assertThat(Thread.interrupted()).as("interrupt flag after a timeout").isFalse();
        }
    }
}
