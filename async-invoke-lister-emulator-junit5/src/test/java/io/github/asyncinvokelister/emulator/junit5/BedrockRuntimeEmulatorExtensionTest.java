package io.github.asyncinvokelister.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Fault;
import io.github.asyncinvokelister.emulator.Lifecycle;
import io.github.asyncinvokelister.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeRequest;

/**
 * The extension, seen from outside: each fixture class below is run through the JUnit engine, records what its tests
 * were given, and this class checks what happened before, between and after them. (Surefire skips nested classes, so
 * the fixtures run only from here.)
 */
class BedrockRuntimeEmulatorExtensionTest {
    /** What the fixtures' tests saw, in order. */
    private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    private static Events run(Class<?> fixture) {
        SEEN.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
        tests.failed().stream().forEach(failure -> failure.getPayload(Throwable.class)
                .ifPresent(Throwable::printStackTrace));
        return tests;
    }

    /** A Nova Reel video into {@code s3://bkt/p}. */
    private static StartAsyncInvokeRequest sample() {
        return StartAsyncInvokeRequest.builder().modelId("amazon.nova-reel-v1:1")
                .modelInput(Document.fromMap(Map.of("taskType", Document.fromString("TEXT_VIDEO"))))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p"))).build();
    }

    private static String startJob(BedrockRuntimeClient client) {
        return client.startAsyncInvoke(sample()).invocationArn();
    }

    @Test
    void aStaticFieldSharesOneEmulatorAcrossTheClassResetsItBeforeEachTestAndStopsItAfter() {
        run(SharedPerClass.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        BedrockRuntimeEmulator emulator = (BedrockRuntimeEmulator) SEEN.get(0);
        assertThatThrownBy(emulator::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedPerClass {
        @RegisterExtension
        static final BedrockRuntimeEmulatorExtension BEDROCK = BedrockRuntimeEmulatorExtension.builder()
                .emulator(b -> b.generated(5, 1).faults(Fault.THROTTLE)
                        .lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(1))))
                .build();

        @Test
        @Order(1)
        void first(BedrockRuntimeEmulator emulator, BedrockRuntimeClient client, ManualClock clock) {
            SEEN.add(emulator);
            assertThat(BEDROCK.emulator()).isSameAs(emulator);
            assertThat(BEDROCK.client()).isSameAs(client).isSameAs(emulator.client());
            assertThat(BEDROCK.clock()).isSameAs(clock).isSameAs(emulator.clock());
            assertThat(clock.instant()).isEqualTo(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START);

            String arn = startJob(client);
            clock.advance(Duration.ofMinutes(1));
            assertThat(client.getAsyncInvoke(r -> r.invocationArn(arn)).statusAsString()).isEqualTo("Completed");
            emulator.lifecycle(Lifecycle.runsUntilEnded());
            // The scripted throttle is served, and the SDK retries.
            assertThat(client.listAsyncInvokes(r -> r.maxResults(10)).asyncInvokeSummaries()).hasSize(6);
            assertThat(emulator.faults().pending()).isEmpty();
        }

        @Test
        @Order(2)
        void second(BedrockRuntimeEmulator emulator, ManualClock clock) {
            SEEN.add(emulator);
            assertThat(emulator.startedInvocations()).isEmpty();
            assertThat(emulator.requests()).isEmpty();
            assertThat(emulator.faults().pending()).containsExactly(Fault.THROTTLE);
            assertThat(clock.instant()).isEqualTo(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START);
            // The builder's lifecycle again, not the one the first test set.
            String arn = startJob(emulator.client());
            clock.advance(Duration.ofMinutes(1));
            assertThat(emulator.invocation(arn).orElseThrow().status()).contains("Completed");
        }
    }

    @Test
    void withoutResetsStateCarriesFromOneTestToTheNext() {
        run(KeptAcrossTests.class).assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeptAcrossTests {
        private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

        @RegisterExtension
        static final BedrockRuntimeEmulatorExtension BEDROCK = BedrockRuntimeEmulatorExtension.builder()
                .clockStart(START).resetBeforeEachTest(false).build();

        @Test
        @Order(1)
        void starts(BedrockRuntimeClient client, ManualClock clock) {
            assertThat(clock.instant()).isEqualTo(START);
            startJob(client);
            clock.advance(Duration.ofSeconds(30));
        }

        @Test
        @Order(2)
        void seesWhatTheFirstStarted(BedrockRuntimeEmulator emulator, ManualClock clock) {
            assertThat(emulator.startedInvocations()).singleElement()
                    .satisfies(i -> assertThat(i.submitTime()).isEqualTo(START));
            assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
        }
    }

    @Test
    void anInstanceFieldGivesEachTestItsOwnEmulator() {
        run(PerTest.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        for (Object emulator : SEEN) {
            assertThatThrownBy(((BedrockRuntimeEmulator) emulator)::client).isInstanceOf(IllegalStateException.class);
        }
    }

    static class PerTest {
        @RegisterExtension
        final BedrockRuntimeEmulatorExtension bedrock = BedrockRuntimeEmulatorExtension.builder().build();

        @Test
        void one(BedrockRuntimeEmulator emulator) {
            SEEN.add(emulator);
            assertThat(bedrock.emulator()).isSameAs(emulator);
            startJob(emulator.client());
        }

        @Test
        void two(BedrockRuntimeEmulator emulator) {
            SEEN.add(emulator);
            assertThat(emulator.startedInvocations()).isEmpty();
        }
    }

    @Test
    void theAnnotationRunsOneEmulatorThatNestedClassesShareAndGivesAnAsyncClient() {
        run(Annotated.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    @EmulatedBedrockRuntime
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Annotated {
        @Test
        @Order(1)
        void asyncClient(BedrockRuntimeEmulator emulator, BedrockRuntimeAsyncClient async, ManualClock clock) {
            SEEN.add(emulator);
            String arn = async.startAsyncInvoke(sample()).join().invocationArn();
            // The default lifecycle.
            clock.advance(Duration.ofMinutes(2));
            assertThat(async.getAsyncInvoke(r -> r.invocationArn(arn)).join().statusAsString())
                    .isEqualTo("Completed");
            assertThat(async).isSameAs(emulator.asyncClient());
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingEmulator(BedrockRuntimeEmulator emulator) {
                SEEN.add(emulator);
                assertThat(emulator.startedInvocations()).isEmpty();
            }
        }
    }

    @Test
    void aTestThatFailsDoesNotLeakItsStateIntoTheNext() {
        run(FailsHalfWay.class).assertStatistics(stats -> stats.succeeded(1).failed(1));
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailsHalfWay {
        @RegisterExtension
        static final BedrockRuntimeEmulatorExtension BEDROCK = BedrockRuntimeEmulatorExtension.builder().build();

        @Test
        @Order(1)
        void fails(BedrockRuntimeClient client, ManualClock clock) {
            startJob(client);
            BEDROCK.emulator().faults().next(Fault.INTERNAL_ERROR);
            clock.advance(Duration.ofDays(1));
            throw new AssertionError("this test fails on purpose");
        }

        @Test
        @Order(2)
        void startsClean(BedrockRuntimeEmulator emulator, ManualClock clock) {
            assertThat(emulator.startedInvocations()).isEmpty();
            assertThat(emulator.faults().pending()).isEmpty();
            assertThat(clock.instant()).isEqualTo(BedrockRuntimeEmulatorExtension.DEFAULT_CLOCK_START);
        }
    }

    @Test
    void theAccessorsSayWhenNoEmulatorIsRunning() {
        BedrockRuntimeEmulatorExtension idle = BedrockRuntimeEmulatorExtension.builder().build();

        assertThatThrownBy(idle::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no emulator is running");
        assertThatThrownBy(idle::clock).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BedrockRuntimeEmulatorExtension.builder().emulator(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("configuration");
    }
}
