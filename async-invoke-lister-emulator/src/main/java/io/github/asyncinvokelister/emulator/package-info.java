/**
 * An embedded Amazon Bedrock Runtime for tests and benchmarks: {@link
 * io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator} serves {@code ListAsyncInvokes} and
 * {@code GetAsyncInvoke} over real HTTP with deterministic data, records requests, and injects
 * {@linkplain io.github.asyncinvokelister.emulator.Fault faults}.
 */
package io.github.asyncinvokelister.emulator;
