package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.InvocationStatus;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.ListingException;
import io.github.asyncinvokelister.PageRequest;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.ServicePage;
import io.github.asyncinvokelister.SortBy;
import io.github.asyncinvokelister.SortOrder;
import io.github.asyncinvokelister.SummaryPage;
import io.github.asyncinvokelister.TokenCycleException;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * {@code list-async-invokes}: {@code aws bedrock-runtime list-async-invokes}, flag for flag, printing what it prints,
 * but page by page as the pages arrive, so memory stays flat however long the listing.
 *
 * <p>Every flag is checked before any request: a bad one exits {@link ExitCode#USAGE} with one line on standard
 * error. A service error exits {@link ExitCode#SERVICE_ERROR} and anything else {@link ExitCode#OTHER_ERROR}, with
 * the error and, when pages were already printed, the token that resumes after them.
 */
@Command(name = "list-async-invokes", aliases = "list", mixinStandardHelpOptions = true, sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpWidth = 100,
        description = {
            "Lists asynchronous invocations, as `aws bedrock-runtime list-async-invokes` does, with the same flags"
                    + " and the same output, streamed page by page.",
            "NextToken values resume here and in the AWS CLI alike."})
final class ListCommand implements Callable<Integer> {
    private static final String OPERATION = "ListAsyncInvokes";
    /** The library's parameter names, as its messages use them, and the flags that set them. */
    private static final Map<String, String> FLAGS = Map.of(
            "submitTimeAfter", "--submit-time-after",
            "submitTimeBefore", "--submit-time-before",
            "statusEquals", "--status-equals",
            "pageSize", "--page-size",
            "maxItems", "--max-items",
            "startingToken", "--starting-token",
            "maxResults", "--max-results",
            "nextToken", "--next-token");
    /** The data of {@code --emulator}: the emulator's own demo data. */
    static final int EMULATOR_ITEMS = 500;
    static final long EMULATOR_SEED = 42;

    @Spec
    private CommandSpec spec;

    @Option(names = "--submit-time-after", paramLabel = "<timestamp>", converter = Timestamps.Converter.class,
            description = "Include invocations submitted after this time: ISO 8601 (2025-03-01,"
                    + " 2025-03-01T12:00:00Z, 2025-03-01T12:00:00.5+02:00; UTC without an offset) or seconds since"
                    + " the epoch (1740787200).")
    private Instant submitTimeAfter;

    @Option(names = "--submit-time-before", paramLabel = "<timestamp>", converter = Timestamps.Converter.class,
            description = "Include invocations submitted before this time.")
    private Instant submitTimeBefore;

    @Option(names = "--status-equals", paramLabel = "<status>", completionCandidates = KnownStatuses.class,
            description = "Filter invocations by status: InProgress, Completed or Failed.")
    private InvocationStatus statusEquals;

    @Option(names = "--sort-by", paramLabel = "<key>", description = "How to sort the response: SubmissionTime.")
    private SortBy sortBy;

    @Option(names = "--sort-order", paramLabel = "<order>",
            description = "The sorting order for the response: Ascending or Descending (the service's default).")
    private SortOrder sortOrder;

    @Option(names = "--starting-token", paramLabel = "<token>",
            description = "Where to start: the NextToken of a previous listing, from here or the AWS CLI.")
    private String startingToken;

    @Option(names = "--page-size", paramLabel = "<n>",
            description = "The size of each page to get in the service call, 1 to 1000 (default 1000, the fewest"
                    + " calls). It does not change the items printed.")
    private Integer pageSize;

    @Option(names = "--max-items", paramLabel = "<n>",
            description = "The most items to print. If there are more, a NextToken is printed to resume from.")
    private Integer maxItems;

    @Option(names = "--no-paginate",
            description = "Make one call and print the service's response as it is, with its own nextToken.")
    private boolean noPaginate;

    @Option(names = "--max-results", paramLabel = "<n>",
            description = "The raw maxResults of that one call, 1 to 1000; implies --no-paginate.")
    private Integer maxResults;

    @Option(names = "--next-token", paramLabel = "<token>",
            description = "The raw nextToken of that one call (a service nextToken); implies --no-paginate.")
    private String nextToken;

    @Option(names = "--output", paramLabel = "<format>", defaultValue = "json",
            description = "json (the AWS CLI's output, the default), text (the AWS CLI's), ndjson (a summary a"
                    + " line), table or csv.")
    private OutputFormat output;

    @Option(names = "--query", paramLabel = "<jmespath>",
            description = "A JMESPath expression, as the AWS CLI's: with json, over the whole result, so nothing is"
                    + " printed until the listing ends; with text, over each page as it comes.")
    private String query;

    @Mixin
    private ClientFlags clientFlags;

    @Option(names = "--emulator",
            description = "List from an embedded emulator with 500 generated invocations (seed 42): no AWS account,"
                    + " nothing leaves this machine.")
    private boolean emulator;

    private final Dependencies dependencies;

    /**
     * The statuses a filter can name. Picocli would list the enum's constants by {@code toString()}, which is
     * {@code null} for {@code UNKNOWN}.
     */
    static final class KnownStatuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new WireValueConverter<>(InvocationStatus.class).values().iterator();
        }
    }

    ListCommand(Dependencies dependencies) {
        this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
    }

    @Override
    public Integer call() {
        boolean oneCall = noPaginate || maxResults != null || nextToken != null;
        checkFlagCombinations(oneCall);
        ListAsyncInvokesQuery query = query();
        PaginationConfig pagination = oneCall ? PaginationConfig.none() : pagination();
        PageRequest pageRequest = oneCall ? pageRequest() : PageRequest.first();
        Optional<Query> compiled = jmesPath();
        ClientOptions clientOptions = clientFlags.options();

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BedrockRuntimeEmulator embedded = emulator
                ? BedrockRuntimeEmulator.builder().generated(EMULATOR_ITEMS, EMULATOR_SEED).start()
                : null;
        try {
            try (BedrockRuntimeClient client = clientFlags.client(() -> embedded != null ? embedded.clientBuilder()
                    : dependencies.clients().builder(clientOptions))) {
                SummaryWriter writer = compiled.isEmpty()
                        ? output.writer(out, err, dependencies.stdoutIsTerminal().getAsBoolean())
                        : output == OutputFormat.TEXT ? new SummaryWriter.Text(out, err,
                                dependencies.stdoutIsTerminal().getAsBoolean(), compiled)
                        : new SummaryWriter.QueriedJson(out, err, compiled.get());
                return oneCall ? oneCall(client, query, pageRequest, writer, err)
                        : listing(client, query, pagination, writer, err);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * The listing, page by page; each page printed whole before the next is fetched. A SIGINT or SIGTERM (Ctrl-C, a
     * {@code kill}) ends it as an error would, between two pages: {@code json} is closed as a valid document with the
     * {@code NextToken} that resumes after the last item printed, standard error says so, the progress line is
     * erased, and the process exits as killed by the signal (130 for SIGINT, as the AWS CLI does; 143 for SIGTERM).
     */
    @SuppressWarnings("try") // the signal's registration is a resource only to be removed at the end
    private int listing(BedrockRuntimeClient client, ListAsyncInvokesQuery query, PaginationConfig pagination,
            SummaryWriter writer, PrintWriter err) {
        PrintWriter out = writer.out;
        Printed printed = new Printed();
        try (Progress progress = Progress.onTerminal(dependencies.stderrIsTerminal().getAsBoolean(), err);
             Stream<SummaryPage> pages = AsyncInvokeLister.create(client).pages(query, pagination);
             Interrupts.Registration signals = dependencies.interrupts().onSignal(() -> {
                 // On the signal's thread; the JVM halts when this returns.
                 synchronized (printed) {
                     if (printed.ended) {
                         return;
                     }
                     printed.ended = true;
                     progress.stop();
                     Optional<String> token = printed.pages > 0 ? printed.resumeToken : pagination.startingToken();
                     writer.interrupted(token);
                     out.flush();
                     err.println(token.map(value -> "interrupted after " + printed.items + " items; to resume after"
                             + " them: --starting-token " + value).orElse("interrupted after " + printed.items
                             + " items"));
                     err.flush();
                 }
             })) {
            Iterator<SummaryPage> iterator = pages.iterator();
            while (iterator.hasNext()) {
                SummaryPage page = iterator.next();
                synchronized (printed) {
                    if (printed.ended) {
                        return ExitCode.OTHER_ERROR; // a signal closed the output; the JVM is halting
                    }
                    progress.printed(page.items().size(), () -> writer.page(page.items()));
                    printed.page(page);
                }
                if (out.checkError()) {
                    // Whoever reads the output has gone (a closed pipe): stop quietly, as the AWS CLI does.
                    return ExitCode.OK;
                }
            }
            synchronized (printed) {
                if (printed.ended) {
                    return ExitCode.OTHER_ERROR;
                }
                printed.ended = true;
                writer.end(printed.resumeToken);
            }
            return ExitCode.OK;
        } catch (ListingException e) {
            // The library's token is exact: it resumes right after the last item it delivered, which was printed.
            Failure failure = Failure.of(e.getCause() != null ? e.getCause() : e);
            return failed(failure, printed, e.resumeToken(), writer, err);
        } catch (IllegalArgumentException e) {
            if (printed.pages == 0) {
                // The service refused the starting token: the library says so on the first request, and keeps the
                // service's words in the cause. Here the user typed the token, so they may be shown.
                String message = e.getCause() instanceof AwsServiceException service
                        ? "startingToken was rejected by the service: " + service.awsErrorDetails().errorMessage()
                        : e.getMessage();
                throw usage(Flags.rename(message, FLAGS));
            }
            return failed(Failure.of(e), printed, printed.resumeToken, writer, err);
        } catch (RuntimeException e) {
            return failed(Failure.of(e), printed, printed.resumeToken, writer, err);
        }
    }

    /** What a listing has printed: read by the signal's thread too, under the object's lock. */
    private static final class Printed {
        int pages;
        int items;
        Optional<String> resumeToken = Optional.empty();
        /** Whether the output was closed: by the listing's end, an error, or a signal. */
        boolean ended;

        void page(SummaryPage page) {
            pages++;
            items += page.items().size();
            resumeToken = page.resumeToken();
        }
    }

    /** {@code --no-paginate}: one request with the raw parameters, and the raw response. */
    private int oneCall(BedrockRuntimeClient client, ListAsyncInvokesQuery query, PageRequest request,
            SummaryWriter writer, PrintWriter err) {
        ServicePage page;
        try {
            // Without --max-results none is sent, as the AWS CLI does: the service's default page size.
            page = AsyncInvokeLister.create(client).fetchPage(query, request);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e instanceof ListingException && e.getCause() != null ? e.getCause() : e);
            err.println(failure.message());
            return failure.exitCode();
        }
        writer.response(page.items(), page.nextToken());
        return ExitCode.OK;
    }

    private static int failed(Failure failure, Printed printed, Optional<String> resumeToken, SummaryWriter writer,
            PrintWriter err) {
        synchronized (printed) {
            if (printed.ended) {
                return failure.exitCode(); // a signal closed the output first
            }
            printed.ended = true;
            Optional<String> token = printed.pages > 0 ? resumeToken : Optional.empty();
            writer.abort(token);
            err.println(failure.message());
            token.ifPresent(value -> err.println("printed " + printed.items + " items before the error; to resume"
                    + " after them: --starting-token " + value));
            return failure.exitCode();
        }
    }

    /**
     * What went wrong, as the AWS CLI says it, and the exit code.
     *
     * @param message one line
     * @param exitCode {@link ExitCode#SERVICE_ERROR} for the service's errors, else {@link ExitCode#OTHER_ERROR}
     */
    record Failure(String message, int exitCode) {
        static Failure of(Throwable e) {
            if (e instanceof AwsServiceException service) {
                AwsErrorDetails details = service.awsErrorDetails();
                String code = details != null && details.errorCode() != null ? details.errorCode()
                        : String.valueOf(service.statusCode());
                String message = details != null && details.errorMessage() != null ? details.errorMessage()
                        : service.getMessage();
                return new Failure("An error occurred (" + code + ") when calling the " + OPERATION
                        + " operation: " + oneLine(message), ExitCode.SERVICE_ERROR);
            }
            if (e instanceof TokenCycleException) {
                return new Failure("Error during pagination: " + oneLine(e.getMessage()), ExitCode.OTHER_ERROR);
            }
            return new Failure("error: " + oneLine(e.getMessage()), ExitCode.OTHER_ERROR);
        }
    }

    /** {@code --query}, compiled, for the outputs that take it; a bad one is a bad flag, before any request. */
    private Optional<Query> jmesPath() {
        if (query == null) {
            return Optional.empty();
        }
        if (output != OutputFormat.JSON && output != OutputFormat.TEXT) {
            throw usage("--query works with --output json or text, not " + output);
        }
        try {
            return Optional.of(Query.compile(query));
        } catch (IllegalArgumentException e) {
            throw usage(TerminalSafe.text(e.getMessage()));
        }
    }

    private void checkFlagCombinations(boolean oneCall) {
        if (emulator && clientFlags.endpointUrl != null) {
            throw usage("--emulator and --endpoint-url cannot be used together");
        }
        if (oneCall) {
            List<String> paging = new ArrayList<>();
            if (startingToken != null) {
                paging.add("--starting-token");
            }
            if (pageSize != null) {
                paging.add("--page-size");
            }
            if (maxItems != null) {
                paging.add("--max-items");
            }
            if (!paging.isEmpty()) {
                String oneCallFlag = noPaginate ? "--no-paginate" : maxResults != null ? "--max-results"
                        : "--next-token";
                throw usage(oneCallFlag + " makes one call and cannot be used with " + String.join(", ", paging));
            }
        }
    }

    private ListAsyncInvokesQuery query() {
        try {
            return ListAsyncInvokesQuery.builder()
                    .submitTimeAfter(submitTimeAfter)
                    .submitTimeBefore(submitTimeBefore)
                    .statusEquals(statusEquals)
                    .sortBy(sortBy)
                    .sortOrder(sortOrder)
                    .build();
        } catch (IllegalArgumentException e) {
            throw usage(Flags.rename(e.getMessage(), FLAGS));
        }
    }

    private PaginationConfig pagination() {
        try {
            PaginationConfig pagination = PaginationConfig.builder()
                    .pageSize(pageSize)
                    .maxItems(maxItems)
                    .startingToken(startingToken)
                    .build();
            return pagination;
        } catch (IllegalArgumentException e) {
            throw usage(Flags.rename(e.getMessage(), FLAGS));
        }
    }

    /** The raw parameters of {@code --no-paginate}, held to the service model's limits as botocore holds them. */
    private PageRequest pageRequest() {
        try {
            return new PageRequest(maxResults == null ? OptionalInt.empty() : OptionalInt.of(maxResults),
                    Optional.ofNullable(nextToken));
        } catch (IllegalArgumentException e) {
            throw usage(Flags.rename(e.getMessage(), FLAGS));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * A message on one line, safe to show on a terminal: service errors quote what the server sent, which may hold
     * control characters.
     */
    static String oneLine(String message) {
        return message == null ? "(no message)"
                : TerminalSafe.text(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
