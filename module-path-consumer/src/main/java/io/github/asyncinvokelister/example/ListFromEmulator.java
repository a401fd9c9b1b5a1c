package io.github.asyncinvokelister.example;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.InvocationStatus;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.ListResult;
import io.github.asyncinvokelister.PaginationConfig;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;

/** Lists the failed invocations of an embedded emulator, ten at most, and says how many it found. */
public final class ListFromEmulator {
    private ListFromEmulator() {
    }

    /**
     * Prints {@code failed: N of M listed, next token: yes|no}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println(run());
    }

    /**
     * Lists, and describes what it listed.
     *
     * @return the line {@link #main} prints
     */
    public static String run() {
        try (BedrockRuntimeEmulator emulator = BedrockRuntimeEmulator.builder().generated(200, 42).start()) {
            AsyncInvokeLister lister = AsyncInvokeLister.create(emulator.client());
            ListResult failed = lister.list(ListAsyncInvokesQuery.builder().statusEquals(InvocationStatus.FAILED).build(),
                    PaginationConfig.builder().maxItems(10).pageSize(4).build());
            long all = lister.stream(ListAsyncInvokesQuery.all()).count();
            return "failed: " + failed.items().size() + " of " + all + " listed, next token: "
                    + (failed.nextToken().isPresent() ? "yes" : "no");
        }
    }
}
