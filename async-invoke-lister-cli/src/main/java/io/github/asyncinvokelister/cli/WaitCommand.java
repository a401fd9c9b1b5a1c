package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.AsyncInvokeWatcher;
import io.github.asyncinvokelister.InvocationStatus;
import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.RequestFailedException;
import io.github.asyncinvokelister.UnknownInvocationException;
import io.github.asyncinvokelister.WaitInterruptedException;
import io.github.asyncinvokelister.WaitTimeoutException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * {@code wait}: the AWS CLI's {@code wait} command, with the one waiter the service model lacks. On its own it shows
 * the usage.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = "Waits for a condition, as `aws <service> wait` does: exit 0 when it holds, 255 when it cannot.")
final class WaitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /**
     * {@code wait async-invoke-completed}: returns when every invocation has ended, through the listing, so hundreds
     * cost a request or two a poll. Like an AWS CLI waiter it prints nothing when all completed, and exits
     * {@link ExitCode#OTHER_ERROR} with one line when any failed, the timeout passed, or the service refused.
     */
    @Command(name = "async-invoke-completed", mixinStandardHelpOptions = true, sortOptions = false,
            usageHelpWidth = 100,
            description = {
                "Waits until every invocation is Completed or Failed, polling the listing of those in progress.",
                "Exit 0 when all completed; 255 with one line when any failed, the timeout passed or a call failed."})
    static final class AsyncInvokeCompleted implements Callable<Integer> {
        static final String WAITER = "Waiter AsyncInvokeCompleted failed: ";

        @Spec
        private CommandSpec spec;

        @Option(names = "--invocation-arns", paramLabel = "<arn>", arity = "1..*", required = true,
                description = "The invocations' ARNs.")
        private List<String> invocationArns;

        @Option(names = "--timeout", paramLabel = "<duration>", defaultValue = "30m",
                converter = DurationConverter.class,
                description = "How long to wait at most: 500ms, 30s, 2m, 1h or ISO-8601. Default 30m.")
        private Duration timeout;

        @Option(names = "--poll-interval", paramLabel = "<duration>", defaultValue = "10s",
                converter = DurationConverter.class, description = "How long between polls. Default 10s.")
        private Duration pollInterval;

        @Mixin
        private ClientFlags clientFlags;

        private final Dependencies dependencies;

        AsyncInvokeCompleted(Dependencies dependencies) {
            this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            AsyncInvokeWatcher.Builder watcher;
            try {
                watcher = AsyncInvokeWatcher.builder().pollInterval(pollInterval);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--poll-interval must be positive: "
                        + DurationConverter.format(pollInterval));
            }
            try {
                // Bad input before configuration, as for every command: a malformed ARN is a bad flag.
                AsyncInvokeWatcher.checkInvocationArns(invocationArns);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--invocation-arns: "
                        + ListCommand.oneLine(e.getMessage()));
            }
            ClientOptions options = clientFlags.options();
            try (BedrockRuntimeClient client = clientFlags.client(() -> dependencies.clients().builder(options))) {
                Map<String, AsyncInvokeSummary> ended;
                try {
                    ended = watcher.lister(AsyncInvokeLister.create(client)).build()
                            .awaitCompletion(invocationArns, timeout);
                } catch (UnknownInvocationException e) {
                    err.println(WAITER + ListCommand.oneLine(e.getMessage()));
                    return ExitCode.OTHER_ERROR;
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--invocation-arns: "
                            + ListCommand.oneLine(e.getMessage()));
                } catch (WaitTimeoutException e) {
                    err.println(WAITER + "Max wait exceeded: " + e.stillRunning().size() + " of "
                            + (e.stillRunning().size() + e.finished().size()) + " invocations still running after "
                            + DurationConverter.format(timeout) + ": " + String.join(", ", e.stillRunning()));
                    return ExitCode.OTHER_ERROR;
                } catch (WaitInterruptedException e) {
                    err.println(WAITER + "interrupted");
                    return ExitCode.OTHER_ERROR;
                } catch (RequestFailedException e) {
                    err.println(WAITER + ListCommand.Failure.of(e.getCause() != null ? e.getCause() : e).message());
                    return ExitCode.OTHER_ERROR;
                } catch (ListingException e) {
                    // The service broke the listing's contract: a token cycle, endless empty pages.
                    err.println(WAITER + ListCommand.oneLine(e.getMessage()));
                    return ExitCode.OTHER_ERROR;
                }
                List<String> failed = ended.values().stream().filter(s -> s.status() == InvocationStatus.FAILED)
                        .map(AsyncInvokeSummary::invocationArn).toList();
                if (!failed.isEmpty()) {
                    err.println(WAITER + "Waiter encountered a terminal failure state: " + failed.size() + " of "
                            + ended.size() + " invocations Failed: " + String.join(", ", failed));
                    return ExitCode.OTHER_ERROR;
                }
                return ExitCode.OK;
            }
        }
    }
}
