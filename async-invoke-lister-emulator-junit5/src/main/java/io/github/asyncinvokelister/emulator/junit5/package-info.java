/**
 * The emulator in JUnit 5: {@link io.github.asyncinvokelister.emulator.junit5.BedrockRuntimeEmulatorExtension}, and
 * {@link io.github.asyncinvokelister.emulator.junit5.EmulatedBedrockRuntime} to register it with its defaults.
 */
package io.github.asyncinvokelister.emulator.junit5;
