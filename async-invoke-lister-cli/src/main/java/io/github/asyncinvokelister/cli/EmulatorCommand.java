package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Lifecycle;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Invocations started through {@code StartAsyncInvoke} run in real time: {@code InProgress}, then
 * {@code Completed} after {@code --complete-after}, or, for the share {@code --failed-fraction} says, {@code Failed}
 * after {@code --fail-after}.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Runs an embedded Bedrock Runtime emulator (StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes) on"
                    + " 127.0.0.1 until stopped, for the AWS CLI, boto3 or an SDK. It checks no signature: any"
                    + " credentials do. Started invocations run in real time."})
final class EmulatorCommand implements Callable<Integer> {
    /** The builder's parameter names, as its messages use them, and the flags that set them. */
    private static final Map<String, String> FLAGS = Map.of("port", "--port", "count", "--items",
            "inProgressQuota", "--in-progress-quota");
    /** What a failed invocation says, unless {@code --failure-message} says otherwise. */
    static final String DEFAULT_FAILURE_MESSAGE = "Internal server error. Please try again.";

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

    @Option(names = "--complete-after", paramLabel = "<duration>", defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long a started invocation runs before it is Completed: 500ms, 30s, 2m, 1h or ISO-8601"
                    + " (PT2M). Default 2m.")
    private Duration completeAfter;

    @Option(names = "--fail-after", paramLabel = "<duration>", defaultValue = "1m",
            converter = DurationConverter.class,
            description = "How long one that fails runs before it is Failed. Default 1m.")
    private Duration failAfter;

    @Option(names = "--failed-fraction", paramLabel = "<0..1>", defaultValue = "0",
            description = "The share of started invocations that fail, chosen by invocation ID, so the same ones"
                    + " on every run. Default 0.")
    private double failedFraction;

    @Option(names = "--failure-message", paramLabel = "<text>", defaultValue = DEFAULT_FAILURE_MESSAGE,
            description = "The failureMessage of a failed invocation. Default: ${DEFAULT-VALUE}")
    private String failureMessage;

    @Option(names = "--known-model", paramLabel = "<model-id>",
            description = "A modelId StartAsyncInvoke accepts; repeat for more. With none, any valid modelId is"
                    + " accepted; with some, any other is a ResourceNotFoundException.")
    private List<String> knownModels = new ArrayList<>();

    @Option(names = "--in-progress-quota", paramLabel = "<n>",
            description = "How many started invocations may be in progress at once; one more is a"
                    + " ServiceQuotaExceededException. Default: no quota.")
    private Integer inProgressQuota;

    private final Foreground foreground;

    EmulatorCommand(Foreground foreground) {
        this.foreground = Objects.requireNonNull(foreground, "foreground");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!(failedFraction >= 0 && failedFraction <= 1)) {
            throw new ParameterException(spec.commandLine(), "--failed-fraction must be 0 to 1: " + failedFraction);
        }
        if (failureMessage.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--failure-message must not be empty");
        }
        BedrockRuntimeEmulator emulator;
        try {
            BedrockRuntimeEmulator.Builder builder = BedrockRuntimeEmulator.builder().port(port)
                    .generated(items, seed).lifecycle(lifecycle());
            if (!knownModels.isEmpty()) {
                builder.knownModels(knownModels.toArray(String[]::new));
            }
            if (inProgressQuota != null) {
                builder.inProgressQuota(inProgressQuota);
            }
            emulator = builder.start();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Flags.rename(e.getMessage(), FLAGS));
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCode.OTHER_ERROR;
        }
        try (emulator) {
            out.println("Bedrock Runtime emulator listening on " + emulator.endpoint() + " (" + items
                    + " invocations, seed " + seed + ")");
            out.println("started invocations: " + describe(lifecycle()));
            out.println("try: aws bedrock-runtime list-async-invokes --endpoint-url " + emulator.endpoint()
                    + " --region us-east-1   (any credentials)");
            out.flush();
            foreground.hold(emulator);
        }
        return ExitCode.OK;
    }

    private Lifecycle lifecycle() {
        Lifecycle completes = Lifecycle.completesAfter(completeAfter);
        Lifecycle fails = Lifecycle.failsAfter(failAfter, failureMessage);
        return failedFraction == 0 ? completes
                : failedFraction == 1 ? fails
                : Lifecycle.split(failedFraction, fails, completes);
    }

    private String describe(Lifecycle lifecycle) {
        if (lifecycle instanceof Lifecycle.Completes) {
            return "Completed after " + DurationConverter.format(completeAfter);
        } else if (lifecycle instanceof Lifecycle.Fails) {
            return "Failed after " + DurationConverter.format(failAfter);
        }
        return "Completed after " + DurationConverter.format(completeAfter) + ", or Failed after "
                + DurationConverter.format(failAfter) + " (a share of " + failedFraction + ")";
    }
}
