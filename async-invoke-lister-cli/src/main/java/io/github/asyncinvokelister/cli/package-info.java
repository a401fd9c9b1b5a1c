/**
 * The command-line tool: {@code list-async-invokes}, flag for flag with
 * {@code aws bedrock-runtime list-async-invokes} and printing what it prints, but streaming, and
 * {@code emulator}, which runs the embedded emulator in the foreground. Its entry point is
 * {@link io.github.asyncinvokelister.cli.Main}; everything else here is package-private.
 *
 * <p>It uses only the public API of the library and of the emulator. Run it from
 * {@code async-invoke-lister-cli-<version>-all.jar}, which bundles every dependency.
 */
package io.github.asyncinvokelister.cli;
