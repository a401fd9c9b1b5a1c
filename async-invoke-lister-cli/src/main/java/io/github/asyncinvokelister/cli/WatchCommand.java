package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.AsyncInvokeWatcher;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.SortOrder;
import io.github.asyncinvokelister.WaitInterruptedException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * {@code watch}: prints each invocation the filters match as ndjson, once, as it ends (those already ended first),
 * until none is left in progress.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Prints each invocation the filters match as a line of JSON when it ends (Completed or Failed), those"
                    + " already ended first, and exits when none is left in progress.",
            "It polls the listing of those in progress: a request or two a poll, however many there are."})
final class WatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--submit-time-after", paramLabel = "<timestamp>", converter = Timestamps.Converter.class,
            description = "Only invocations submitted after this time, as list-async-invokes takes it.")
    private Instant submitTimeAfter;

    @Option(names = "--submit-time-before", paramLabel = "<timestamp>", converter = Timestamps.Converter.class,
            description = "Only invocations submitted before this time.")
    private Instant submitTimeBefore;

    @Option(names = "--sort-order", paramLabel = "<order>",
            description = "The order of those already ended: Ascending or Descending (the default).")
    private SortOrder sortOrder;

    @Option(names = "--poll-interval", paramLabel = "<duration>", defaultValue = "10s",
            converter = DurationConverter.class, description = "How long between polls. Default 10s.")
    private Duration pollInterval;

    @Mixin
    private ClientFlags clientFlags;

    private final Dependencies dependencies;

    WatchCommand(Dependencies dependencies) {
        this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ListAsyncInvokesQuery query;
        AsyncInvokeWatcher.Builder watcher;
        try {
            query = ListAsyncInvokesQuery.builder().submitTimeAfter(submitTimeAfter)
                    .submitTimeBefore(submitTimeBefore).sortOrder(sortOrder).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Flags.rename(e.getMessage(), Map.of(
                    "submitTimeAfter", "--submit-time-after", "submitTimeBefore", "--submit-time-before")));
        }
        try {
            watcher = AsyncInvokeWatcher.builder().pollInterval(pollInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--poll-interval must be positive: "
                    + DurationConverter.format(pollInterval));
        }
        ClientOptions options = clientFlags.options();
        SummaryWriter writer = new SummaryWriter.Ndjson(out, err, false);
        try (BedrockRuntimeClient client = clientFlags.client(() -> dependencies.clients().builder(options));
             Stream<AsyncInvokeSummary> ended = watcher.lister(AsyncInvokeLister.create(client)).build()
                     .completions(query)) {
            Iterator<AsyncInvokeSummary> each = ended.iterator();
            while (each.hasNext()) {
                writer.page(List.of(each.next()));
                out.flush();
                if (out.checkError()) {
                    // Whoever reads the output has gone (a closed pipe): stop quietly.
                    return ExitCode.OK;
                }
            }
        } catch (WaitInterruptedException e) {
            err.println("error: interrupted");
            return ExitCode.OTHER_ERROR;
        } catch (ListingException e) {
            ListCommand.Failure failure = ListCommand.Failure.of(e.getCause() != null ? e.getCause() : e);
            err.println(failure.message());
            return failure.exitCode();
        }
        return ExitCode.OK;
    }
}
