package io.github.asyncinvokelister.cli;

import java.io.PrintWriter;

/** The values of {@code --output}. */
enum OutputFormat {
    /** What the AWS CLI prints with {@code --output json}, its default. */
    JSON("json", SummaryWriter.Json::new),
    /** What the AWS CLI prints with {@code --output text}: tab-separated, a page at a time. */
    TEXT("text", SummaryWriter.Text::new),
    /** One summary a line, each the object the {@code json} output lists. */
    NDJSON("ndjson", SummaryWriter.Ndjson::new),
    /** Aligned columns for people. */
    TABLE("table", SummaryWriter.Table::new),
    /** RFC 4180, with a header. */
    CSV("csv", SummaryWriter.Csv::new);

    private final String value;
    private final Factory factory;

    /** Makes a writer of a format. */
    @FunctionalInterface
    interface Factory {
        SummaryWriter writer(PrintWriter out, PrintWriter err, boolean outIsTerminal);
    }

    OutputFormat(String value, Factory factory) {
        this.value = value;
        this.factory = factory;
    }

    /**
     * A writer of this format to {@code out}; for formats that have no room for it, the token goes to {@code err}.
     * Where {@code out} is a terminal, the formats for people show what the server sent safely.
     */
    SummaryWriter writer(PrintWriter out, PrintWriter err, boolean outIsTerminal) {
        return factory.writer(out, err, outIsTerminal);
    }

    /** The flag's value, such as {@code json}. */
    @Override
    public String toString() {
        return value;
    }
}
