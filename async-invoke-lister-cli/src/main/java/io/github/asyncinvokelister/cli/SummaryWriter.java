package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a listing in one {@link OutputFormat} as it arrives, a page at a time: each page, with whatever precedes the
 * first, is one write and one flush, so what is on the output is always whole pages, and the token after the last of
 * them resumes exactly after what was printed. Nothing is written before the first page, so a listing whose first
 * request fails prints nothing.
 *
 * <p>Call {@link #page} for each page, then {@link #end} once; or {@link #abort} if an error cut the listing short;
 * or, for {@code --no-paginate}, {@link #response} alone.
 */
abstract sealed class SummaryWriter {
    /** The name the AWS CLI gives the token after {@code --max-items}: resume with {@code --starting-token}. */
    static final String NEXT_TOKEN = "NextToken";
    /** The name of the service's own token in a raw response: resume with {@code --next-token}. */
    static final String SERVICE_NEXT_TOKEN = "nextToken";

    final PrintWriter out;
    final PrintWriter err;
    private boolean begun;
    int itemsWritten;

    private SummaryWriter(PrintWriter out, PrintWriter err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Writes one page's items, preceded by the header if it is the first. */
    final void page(List<AsyncInvokeSummary> items) {
        StringBuilder text = new StringBuilder(256 + 700 * items.size());
        begin(text);
        for (AsyncInvokeSummary item : items) {
            item(item, text);
            itemsWritten++;
        }
        pageEnd(text);
        write(text);
    }

    /** What follows a page's items, for formats that write a page as a whole. */
    void pageEnd(StringBuilder text) {
    }

    /** Ends a listing, with the token that resumes it if {@code --max-items} stopped it. */
    final void end(Optional<String> nextToken) {
        end(NEXT_TOKEN, nextToken);
    }

    /**
     * Closes a listing an error cut short, if anything was written, so that a JSON document stays well-formed; the
     * token that resumes after the last page written goes where a {@code --max-items} token would. Formats without a
     * closing write nothing: the error message carries the token.
     */
    void abort(Optional<String> resumeToken) {
    }

    /**
     * Closes a listing a signal cut short: {@code json} as a whole document even if nothing was written yet, with the
     * token that resumes after the last page written; the other formats write nothing, as the message carries it.
     */
    void interrupted(Optional<String> resumeToken) {
    }

    /** Writes the one response of {@code --no-paginate}, with the service's own token. */
    void response(List<AsyncInvokeSummary> items, Optional<String> serviceNextToken) {
        page(items);
        end(SERVICE_NEXT_TOKEN, serviceNextToken);
    }

    final void end(String tokenName, Optional<String> token) {
        StringBuilder text = new StringBuilder();
        begin(text);
        finish(tokenName, token, text);
        write(text);
    }

    final boolean begun() {
        return begun;
    }

    /** What precedes the first item. */
    abstract void header(StringBuilder text);

    abstract void item(AsyncInvokeSummary item, StringBuilder text);

    /** What follows the last item: the token, if any, under its name. */
    abstract void finish(String tokenName, Optional<String> token, StringBuilder text);

    private void begin(StringBuilder text) {
        if (!begun) {
            begun = true;
            header(text);
        }
    }

    private void write(StringBuilder text) {
        out.write(text.toString());
        out.flush();
    }

    /**
     * A response as botocore parses it, for what the AWS CLI formats and queries: the raw response's own token, if
     * any, then the summaries (each as {@link AwsCliJson#summary}).
     */
    static Map<String, Object> response(Optional<String> serviceNextToken, List<Object> summaries) {
        Map<String, Object> response = new LinkedHashMap<>();
        serviceNextToken.ifPresent(token -> response.put(SERVICE_NEXT_TOKEN, token));
        response.put("asyncInvokeSummaries", summaries);
        return response;
    }

    /** For formats whose standard output has no room for a token: a line on standard error. */
    final void tokenToErr(String tokenName, Optional<String> token) {
        token.ifPresent(value -> {
            err.println(tokenName + ": " + value);
            err.flush();
        });
    }

    /**
     * A format whose output is one JSON document: closed as a whole document when an error or a signal cuts the
     * listing short, with the token that resumes after the last page written; and, for {@code --no-paginate}, with
     * the raw response's own token first, as the model orders the output members.
     */
    abstract static sealed class JsonDocument extends SummaryWriter {
        /** The raw response's token, which comes first as the model orders the output members. */
        Optional<String> leadingServiceToken = Optional.empty();

        private JsonDocument(PrintWriter out, PrintWriter err) {
            super(out, err);
        }

        @Override
        void response(List<AsyncInvokeSummary> items, Optional<String> serviceNextToken) {
            leadingServiceToken = serviceNextToken;
            page(items);
            end(SERVICE_NEXT_TOKEN, Optional.empty());
        }

        @Override
        void abort(Optional<String> resumeToken) {
            if (begun()) {
                end(resumeToken);
            }
        }

        @Override
        void interrupted(Optional<String> resumeToken) {
            end(resumeToken);
        }
    }

    /** The AWS CLI's {@code --output json}: {@code {"asyncInvokeSummaries": [...], "NextToken": "..."}}. */
    static final class Json extends JsonDocument {
        private static final String LIST_INDENT = AwsCliJson.INDENT;
        private static final String ITEM_INDENT = AwsCliJson.INDENT.repeat(2);

        Json(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
            super(out, err);
        }

        @Override
        void header(StringBuilder text) {
            text.append("{\n");
            leadingServiceToken.ifPresent(token ->
                    AwsCliJson.quote(token, text.append(LIST_INDENT).append('"').append(SERVICE_NEXT_TOKEN)
                            .append("\": ")).append(",\n"));
            text.append(LIST_INDENT).append("\"asyncInvokeSummaries\": [");
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            text.append(itemsWritten == 0 ? "\n" : ",\n").append(ITEM_INDENT);
            AwsCliJson.indented(AwsCliJson.summary(item), 2, text);
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            text.append(itemsWritten == 0 ? "]" : "\n" + LIST_INDENT + "]");
            token.ifPresent(value ->
                    AwsCliJson.quote(value, text.append(",\n").append(LIST_INDENT).append('"').append(tokenName)
                            .append("\": ")));
            text.append("\n}\n");
        }
    }

    /**
     * The AWS CLI's {@code --output text}, and its {@code --query} with it: as the AWS CLI does, each page is
     * formatted (and queried) on its own, as {@code {"asyncInvokeSummaries": [...]}}, and a {@code --max-items} token
     * last as {@code {"NextToken": {"NextToken": "..."}}}, so the output streams a page at a time. Columns come from
     * the keys of a page's items, so where pages differ (one with a {@code failureMessage}, one without) the lines of
     * one page differ from another's, as in the AWS CLI.
     */
    static final class Text extends SummaryWriter {
        private final Optional<Query> query;
        private final TextFormat format;
        private final List<Object> page = new ArrayList<>();
        private Optional<String> leadingServiceToken = Optional.empty();

        Text(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
            this(out, err, outIsTerminal, Optional.empty());
        }

        /** On a terminal, values are shown terminal-safe; into a pipe or a file they go as the server sent them. */
        Text(PrintWriter out, PrintWriter err, boolean outIsTerminal, Optional<Query> query) {
            super(out, err);
            this.query = query;
            this.format = outIsTerminal ? TextFormat.SAFE : TextFormat.RAW;
        }

        @Override
        void response(List<AsyncInvokeSummary> items, Optional<String> serviceNextToken) {
            // One response, not a listing: the AWS CLI formats it whole, its own token with it.
            leadingServiceToken = serviceNextToken;
            page(items);
        }

        @Override
        void header(StringBuilder text) {
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            page.add(AwsCliJson.summary(item));
        }

        @Override
        void pageEnd(StringBuilder text) {
            Map<String, Object> response = response(leadingServiceToken, new ArrayList<>(page));
            page.clear();
            format.write(query.isPresent() ? query.get().search(response) : response, text);
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            token.ifPresent(value -> {
                Map<String, Object> next = Map.of(tokenName, Map.of(tokenName, value));
                format.write(query.isPresent() ? query.get().search(next) : next, text);
            });
        }
    }

    /**
     * {@code --output json} with {@code --query}: as the AWS CLI does, the expression is applied to the whole result,
     * {@code {"asyncInvokeSummaries": [...all...], "NextToken": "..."}}, so nothing is printed before the listing
     * ends, and every item is held until then. A listing an error or a signal cuts short prints the expression's
     * result over what it had, with the token that resumes after it.
     */
    static final class QueriedJson extends JsonDocument {
        private final Query query;
        private final List<Object> items = new ArrayList<>();

        QueriedJson(PrintWriter out, PrintWriter err, Query query) {
            super(out, err);
            this.query = query;
        }

        @Override
        void header(StringBuilder text) {
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            items.add(AwsCliJson.summary(item));
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            Map<String, Object> result = response(leadingServiceToken, items);
            token.ifPresent(value -> result.put(tokenName, value));
            AwsCliJson.indented(query.search(result), 0, text).append('\n');
        }
    }

    /** One summary a line, each the object {@link Json} lists, without spaces. */
    static final class Ndjson extends SummaryWriter {
        Ndjson(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
            super(out, err);
        }

        @Override
        void header(StringBuilder text) {
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            AwsCliJson.compact(AwsCliJson.summary(item), text).append('\n');
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            tokenToErr(tokenName, token);
        }
    }

    /**
     * Columns for people. Widths are fixed, since the table is written before the listing ends; a longer value
     * pushes the rest of its row to the right rather than being cut. The failure message, which the service marks
     * sensitive, is left out; the other formats have it. Every value from the server is shown
     * {@linkplain TerminalSafe terminal-safe}, wherever the table goes: it is for people.
     */
    static final class Table extends SummaryWriter {
        private static final String FORMAT = "%-24s  %-11s  %-34s  %-66s  %s%n";

        Table(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
            super(out, err);
        }

        @Override
        void header(StringBuilder text) {
            text.append(String.format(FORMAT, "SUBMIT TIME", "STATUS", "MODEL", "INVOCATION ARN", "OUTPUT"));
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            String model = item.modelArn().substring(item.modelArn().lastIndexOf('/') + 1);
            String output = item.outputDataConfig() instanceof OutputDataConfig.S3 s3 ? s3.s3Uri()
                    : "(" + ((OutputDataConfig.Unknown) item.outputDataConfig()).memberName() + ")";
            text.append(String.format(FORMAT, Timestamps.format(item.submitTime()),
                    TerminalSafe.text(item.statusValue().orElse("-")), TerminalSafe.text(model),
                    TerminalSafe.text(item.invocationArn()), TerminalSafe.text(output)));
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            token.ifPresent(value -> text.append(tokenName).append(": ").append(value).append(System.lineSeparator()));
        }
    }

    /**
     * RFC 4180: a header, CRLF line ends, and fields with a comma, a quote or a line break quoted, quotes doubled.
     * {@code outputDataConfig} is the union member's name; {@code s3Uri}, {@code kmsKeyId} and {@code bucketOwner}
     * are its fields when it is {@code s3OutputDataConfig}. An absent value is an empty field. On a terminal, values
     * are shown {@linkplain TerminalSafe terminal-safe}; into a pipe or a file they go as the server sent them.
     */
    static final class Csv extends SummaryWriter {
        private static final List<String> COLUMNS = List.of("invocationArn", "modelArn", "clientRequestToken",
                "status", "failureMessage", "submitTime", "lastModifiedTime", "endTime", "outputDataConfig", "s3Uri",
                "kmsKeyId", "bucketOwner");
        private static final String CRLF = "\r\n";

        /** Whether to escape what a terminal would act on: only where the output is one, so a file gets the data. */
        private final boolean safe;

        Csv(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
            super(out, err);
            this.safe = outIsTerminal;
        }

        @Override
        void header(StringBuilder text) {
            text.append(String.join(",", COLUMNS)).append(CRLF);
        }

        @Override
        void item(AsyncInvokeSummary item, StringBuilder text) {
            OutputDataConfig output = item.outputDataConfig();
            OutputDataConfig.S3 s3 = output instanceof OutputDataConfig.S3 s ? s : null;
            String member = s3 != null ? "s3OutputDataConfig" : ((OutputDataConfig.Unknown) output).memberName();
            field(item.invocationArn(), text).append(',');
            field(item.modelArn(), text).append(',');
            field(item.clientRequestToken().orElse(""), text).append(',');
            field(item.statusValue().orElse(""), text).append(',');
            field(item.failureMessage().orElse(""), text).append(',');
            field(Timestamps.format(item.submitTime()), text).append(',');
            field(item.lastModifiedTime().map(Timestamps::format).orElse(""), text).append(',');
            field(item.endTime().map(Timestamps::format).orElse(""), text).append(',');
            field(member, text).append(',');
            field(s3 == null ? "" : s3.s3Uri(), text).append(',');
            field(s3 == null ? "" : s3.kmsKeyId().orElse(""), text).append(',');
            field(s3 == null ? "" : s3.bucketOwner().orElse(""), text).append(CRLF);
        }

        @Override
        void finish(String tokenName, Optional<String> token, StringBuilder text) {
            tokenToErr(tokenName, token);
        }

        private StringBuilder field(String raw, StringBuilder text) {
            String value = safe ? TerminalSafe.text(raw) : raw;
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return text.append(value);
            }
            return text.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }
}
