package io.github.asyncinvokelister.emulator.junit5;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A JUnit 5 extension that runs a {@link BedrockRuntimeEmulator} for a test class, on a {@link ManualClock}, and puts
 * it back as it started before each test.
 *
 * <pre>{@code
 * class VideoJobsTest {
 *     @RegisterExtension
 *     static final BedrockRuntimeEmulatorExtension bedrock = BedrockRuntimeEmulatorExtension.builder()
 *         .emulator(b -> b.lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(2))))
 *         .build();
 *
 *     @Test
 *     void completes(BedrockRuntimeClient client, ManualClock clock) {
 *         String arn = client.startAsyncInvoke(...).invocationArn();
 *         clock.advance(Duration.ofMinutes(2));
 *         assertThat(client.getAsyncInvoke(r -> r.invocationArn(arn)).statusAsString()).isEqualTo("Completed");
 *         assertThat(bedrock.emulator().requests()).hasSize(2);
 *     }
 * }
 * }</pre>
 *
 * <p>Test and lifecycle methods may take these parameters: {@link BedrockRuntimeEmulator}, {@link ManualClock},
 * {@link BedrockRuntimeClient} and {@link BedrockRuntimeAsyncClient} (the emulator's shared clients; the async one
 * needs an async HTTP client such as {@code netty-nio-client} on the class path). Register one emulator extension
 * per class that resolves parameters; a second one would compete for them.
 *
 * <ul>
 *   <li><b>Lifetime.</b> Registered on a {@code static} field, or with {@link EmulatedBedrockRuntime}, the emulator
 *       starts before the class's first test and stops after its last; {@code @Nested} classes share it. Registered
 *       on an instance field, each test gets an emulator of its own.</li>
 *   <li><b>State.</b> Before each test the emulator is {@linkplain BedrockRuntimeEmulator#reset() reset} (started
 *       invocations, tokens, recorded requests, faults and lifecycles as the builder set them) and the clock goes back
 *       to its start, unless {@link Builder#resetBeforeEachTest(boolean)} turned that off, for a class whose tests
 *       build on one another. Tests sharing an emulator should not run concurrently.</li>
 *   <li><b>Time.</b> The clock starts at {@link #DEFAULT_CLOCK_START} unless {@link Builder#clockStart(Instant)}
 *       says otherwise, and moves only when the test moves it.</li>
 * </ul>
 */
public final class BedrockRuntimeEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Where the clock starts: after every {@linkplain BedrockRuntimeEmulator#generate generated} invocation. */
    public static final Instant DEFAULT_CLOCK_START = Instant.parse("2025-06-01T00:00:00Z");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BedrockRuntimeEmulatorExtension.class);
    private static final List<Class<?>> RESOLVED = List.of(BedrockRuntimeEmulator.class, ManualClock.class,
            BedrockRuntimeClient.class, BedrockRuntimeAsyncClient.class);

    private final Consumer<BedrockRuntimeEmulator.Builder> configuration;
    private final Instant clockStart;
    private final boolean resetBeforeEachTest;
    /** The running emulator of the class or test under way; what the accessors give. */
    private volatile Running running;

    /** One started emulator and its clock. */
    private record Running(BedrockRuntimeEmulator emulator, ManualClock clock) implements AutoCloseable {
        @Override
        public void close() {
            emulator.close();
        }
    }

    /**
     * An extension with the defaults: an emulator with no invocations, the clock at {@link #DEFAULT_CLOCK_START},
     * reset before each test. {@link EmulatedBedrockRuntime} registers it so.
     */
    public BedrockRuntimeEmulatorExtension() {
        this(builder());
    }

    private BedrockRuntimeEmulatorExtension(Builder builder) {
        this.configuration = builder.configuration;
        this.clockStart = builder.clockStart;
        this.resetBeforeEachTest = builder.resetBeforeEachTest;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running emulator.
     *
     * @return the emulator
     * @throws IllegalStateException outside the tests the extension runs an emulator for
     */
    public BedrockRuntimeEmulator emulator() {
        return current().emulator();
    }

    /**
     * The clock the running emulator times invocations by.
     *
     * @return the clock
     * @throws IllegalStateException outside the tests the extension runs an emulator for
     */
    public ManualClock clock() {
        return current().clock();
    }

    /**
     * The running emulator's shared client; the extension closes it.
     *
     * @return the client
     * @throws IllegalStateException outside the tests the extension runs an emulator for
     */
    public BedrockRuntimeClient client() {
        return emulator().client();
    }

    /**
     * The running emulator's shared async client; the extension closes it.
     *
     * @return the client
     * @throws IllegalStateException outside the tests the extension runs an emulator for
     */
    public BedrockRuntimeAsyncClient asyncClient() {
        return emulator().asyncClient();
    }

    private Running current() {
        Running now = running;
        if (now == null) {
            throw new IllegalStateException("no emulator is running: BedrockRuntimeEmulatorExtension runs one from"
                    + " before a test class's first test (or, registered on an instance field, each test's) to after"
                    + " its last");
        }
        return now;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (find(context) == null) {
            store(context).put(this, start());
        }
        running = find(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the class that started it stops it; a nested class leaves its enclosing class's alone.
        Running started = store(context).remove(this, Running.class);
        if (started != null) {
            running = null;
            started.close();
        } else {
            running = find(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Running shared = find(context);
        if (shared == null) {
            // An instance field: JUnit calls no class-level callbacks, so this test gets an emulator of its own.
            store(context).put(this, start());
        } else if (resetBeforeEachTest) {
            shared.emulator().reset();
            shared.clock().set(clockStart);
        }
        running = find(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running started = store(context).remove(this, Running.class);
        if (started != null) {
            running = null;
            started.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running here = find(context);
        if (here == null) {
            throw new ParameterResolutionException("no emulator is running for " + context.getDisplayName()
                    + ": a constructor parameter needs the extension on a static field or EmulatedBedrockRuntime");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == BedrockRuntimeEmulator.class) {
            return here.emulator();
        } else if (type == ManualClock.class) {
            return here.clock();
        } else if (type == BedrockRuntimeClient.class) {
            return here.emulator().client();
        }
        return here.emulator().asyncClient();
    }

    private Running start() {
        ManualClock clock = ManualClock.at(clockStart);
        BedrockRuntimeEmulator.Builder builder = BedrockRuntimeEmulator.builder();
        configuration.accept(builder);
        // Set after the configuration, so the clock the extension resets is the one the emulator reads.
        return new Running(builder.clock(clock).start(), clock);
    }

    private Running find(ExtensionContext context) {
        return store(context).get(this, Running.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    /** Configures a {@link BedrockRuntimeEmulatorExtension}. */
    public static final class Builder {
        private Consumer<BedrockRuntimeEmulator.Builder> configuration = builder -> { };
        private Instant clockStart = DEFAULT_CLOCK_START;
        private boolean resetBeforeEachTest = true;

        private Builder() {
        }

        /**
         * Configures each emulator the extension starts: its invocations, lifecycles, faults, latency. The
         * extension sets the clock itself, after this.
         *
         * @param configuration applied to a fresh {@link BedrockRuntimeEmulator#builder()}
         * @return this builder
         */
        public Builder emulator(Consumer<BedrockRuntimeEmulator.Builder> configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * Where the clock starts, and goes back to before each test.
         *
         * @param clockStart the instant; {@link #DEFAULT_CLOCK_START} by default
         * @return this builder
         */
        public Builder clockStart(Instant clockStart) {
            this.clockStart = Objects.requireNonNull(clockStart, "clockStart");
            return this;
        }

        /**
         * Whether to reset the emulator and the clock before each test.
         *
         * @param resetBeforeEachTest {@code true} by default; {@code false} to keep state across a class's tests
         * @return this builder
         */
        public Builder resetBeforeEachTest(boolean resetBeforeEachTest) {
            this.resetBeforeEachTest = resetBeforeEachTest;
            return this;
        }

        /**
         * Builds the extension; register it with {@code @RegisterExtension}.
         *
         * @return the extension
         */
        public BedrockRuntimeEmulatorExtension build() {
            return new BedrockRuntimeEmulatorExtension(this);
        }
    }
}
