package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/** Runs the command line in-process, as {@link Main} does, with its output captured. */
final class Cli {
    private Cli() {
    }

    /**
     * What a run left behind.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(Dependencies dependencies, String... args) {
        StringWriter out = new StringWriter();
        return run(dependencies, out, args);
    }

    /** Runs with standard output going to {@code out}, which may watch the writes. */
    static Run run(Dependencies dependencies, Writer out, String... args) {
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(Main.commandLine(dependencies, new PrintWriter(out), new PrintWriter(err)), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * Clients for {@code emulator}, without retries so a fault is seen as it is, that record the options the
     * flags made; no terminal; an {@code emulator} command that returns at once.
     */
    static Dependencies against(BedrockRuntimeEmulator emulator, AtomicReference<ClientOptions> options) {
        return new Dependencies(
                given -> {
                    options.set(given);
                    return emulator.clientBuilder()
                            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
                },
                () -> false,
                running -> {
                });
    }

    static Dependencies against(BedrockRuntimeEmulator emulator) {
        return against(emulator, new AtomicReference<>());
    }
}
