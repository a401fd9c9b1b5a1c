package io.github.asyncinvokelister.emulator.junit5;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.ManualClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link BedrockRuntimeEmulator} for the annotated test class with
 * {@link BedrockRuntimeEmulatorExtension}'s defaults: no invocations, a {@link ManualClock} at
 * {@link BedrockRuntimeEmulatorExtension#DEFAULT_CLOCK_START}, everything reset before each test. Tests take what
 * they need as parameters.
 *
 * <pre>{@code
 * @EmulatedBedrockRuntime
 * class PollerTest {
 *     @Test
 *     void seesTheJobFinish(BedrockRuntimeClient client, ManualClock clock) { ... }
 * }
 * }</pre>
 *
 * For other settings, register the extension on a static field with {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BedrockRuntimeEmulatorExtension.class)
public @interface EmulatedBedrockRuntime {
}
