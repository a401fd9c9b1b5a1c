package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code emulator}: runs a {@link BedrockRuntimeEmulator} in the foreground, for boto3, the AWS CLI or any other
 * client, until the process is stopped. Its first line of output is the emulator's own
 * ({@code Bedrock Runtime emulator listening on http://127.0.0.1:8080 (500 invocations, seed 42)}), so a script can
 * read the port from it, which matters with {@code --port 0}.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Runs an embedded Bedrock Runtime emulator (ListAsyncInvokes and GetAsyncInvoke) on 127.0.0.1 until"
                    + " stopped, for the AWS CLI, boto3 or an SDK. It checks no signature: any credentials do."})
final class EmulatorCommand implements Callable<Integer> {
    /** The builder's parameter names, as its messages use them, and the flags that set them. */
    private static final Map<String, String> FLAGS = Map.of("port", "--port", "count", "--items");

    /** How the command waits once the emulator is up; it closes the emulator when this returns. */
    @FunctionalInterface
    interface Foreground {
        void hold(BedrockRuntimeEmulator emulator) throws InterruptedException;
    }

    /** Until the process is stopped; a shutdown hook closes the emulator then. */
    static final Foreground UNTIL_KILLED = emulator -> {
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "bedrock-runtime-emulator-shutdown"));
        new CountDownLatch(1).await();
    };

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080",
            description = "The port on 127.0.0.1; 0 picks a free one (the first line says which). Default 8080.")
    private int port;

    @Option(names = "--items", paramLabel = "<n>", defaultValue = "500",
            description = "How many invocations to generate. Default 500.")
    private int items;

    @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "42",
            description = "The seed of the generated data: the same seed, the same invocations. Default 42.")
    private long seed;

    private final Foreground foreground;

    EmulatorCommand(Foreground foreground) {
        this.foreground = Objects.requireNonNull(foreground, "foreground");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        BedrockRuntimeEmulator emulator;
        try {
            emulator = BedrockRuntimeEmulator.builder().port(port).generated(items, seed).start();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Flags.rename(e.getMessage(), FLAGS));
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCode.OTHER_ERROR;
        }
        try (emulator) {
            out.println("Bedrock Runtime emulator listening on " + emulator.endpoint() + " (" + items
                    + " invocations, seed " + seed + ")");
            out.println("try: aws bedrock-runtime list-async-invokes --endpoint-url " + emulator.endpoint()
                    + " --region us-east-1   (any credentials)");
            out.flush();
            foreground.hold(emulator);
        }
        return ExitCode.OK;
    }
}
