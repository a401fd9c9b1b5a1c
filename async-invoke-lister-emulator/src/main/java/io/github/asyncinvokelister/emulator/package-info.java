/**
 * An embedded Amazon Bedrock Runtime for tests and benchmarks: {@link
 * io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator} serves {@code StartAsyncInvoke},
 * {@code GetAsyncInvoke} and {@code ListAsyncInvokes} over real HTTP with deterministic data, runs started
 * invocations on a {@linkplain io.github.asyncinvokelister.emulator.ManualClock clock} the test controls, records
 * requests, and injects {@linkplain io.github.asyncinvokelister.emulator.Fault faults}.
 */
package io.github.asyncinvokelister.emulator;
