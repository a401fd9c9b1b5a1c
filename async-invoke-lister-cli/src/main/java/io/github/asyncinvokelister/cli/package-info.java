/**
 * The command-line tool: {@code list-async-invokes}, flag for flag with
 * {@code aws bedrock-runtime list-async-invokes} and printing what it prints, but streaming, and
 * {@code emulator}, which runs the embedded emulator in the foreground. Its entry point is
 * {@link io.github.asyncinvokelister.cli.Main}; everything else here is package-private.
 *
 * <p>It needs picocli, an optional dependency of the library: run it from the {@code -cli} jar, which bundles it.
 */
package io.github.asyncinvokelister.cli;
