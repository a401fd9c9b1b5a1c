package io.github.asyncinvokelister.emulator;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.OutputDataConfig;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.SummaryPage;
import java.io.PrintStream;
import java.util.stream.Stream;

/**
 * The README's first command: starts an emulator with 500 generated invocations and lists them through
 * {@link AsyncInvokeLister} and the real SDK client, a page of 25 at a time, then resumes a {@code maxItems}
 * listing from its token. No AWS account is involved; everything stays on 127.0.0.1.
 */
public final class EmulatorDemo {
    private EmulatorDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(500, 42).start()) {
            out.println("Bedrock Runtime emulator on " + emulator.endpoint() + " with 500 invocations (seed 42)");
            AsyncInvokeLister lister = AsyncInvokeLister.create(emulator.client());
            int pages = 0;
            int items = 0;
            try (Stream<SummaryPage> stream = lister.pages(ListAsyncInvokesQuery.all(),
                    PaginationConfig.builder().pageSize(25).build())) {
                for (SummaryPage page : (Iterable<SummaryPage>) stream::iterator) {
                    pages++;
                    for (AsyncInvokeSummary summary : page.items()) {
                        items++;
                        if (items <= 10 || summary.outputDataConfig() instanceof OutputDataConfig.Unknown) {
                            out.println(line(items, summary));
                        }
                    }
                }
            }
            out.printf("listed %d invocations in %d pages (first 10 shown, and any with an output this version"
                    + " does not know)%n", items, pages);

            PaginationConfig firstThree = PaginationConfig.builder().maxItems(3).pageSize(2).build();
            String token = lister.list(ListAsyncInvokesQuery.all(), firstThree).nextToken().orElseThrow();
            out.println("maxItems 3 stopped with NextToken " + token + " (boto3 and the AWS CLI take it too)");
            lister.list(ListAsyncInvokesQuery.all(), firstThree.withStartingToken(token)).items()
                    .forEach(summary -> out.println("  resumed: " + summary.invocationArn()));
        }
    }

    private static String line(int number, AsyncInvokeSummary summary) {
        String output = summary.outputDataConfig() instanceof OutputDataConfig.S3 s3 ? s3.s3Uri()
                : "unknown output member " + ((OutputDataConfig.Unknown) summary.outputDataConfig()).memberName();
        return String.format("%4d  %s  %-11s %s  %s", number, summary.submitTime(),
                summary.statusValue().orElse("-"), summary.invocationArn(), output);
    }
}
