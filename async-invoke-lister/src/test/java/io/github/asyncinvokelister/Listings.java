package io.github.asyncinvokelister;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What tests expect an emulator to list. */
public final class Listings {
    private Listings() {
    }

    /** The emulator's invocations in the service's default order, newest first. */
    public static List<AsyncInvokeSummary> newestFirst(BedrockRuntimeEmulator emulator) {
        return newestFirst(emulator.invocations());
    }

    /** Invocations in the service's default order, newest first. */
    public static List<AsyncInvokeSummary> newestFirst(List<AsyncInvokeSummary> invocations) {
        List<AsyncInvokeSummary> items = new ArrayList<>(invocations);
        items.sort(Comparator.comparing(AsyncInvokeSummary::submitTime).reversed());
        return List.copyOf(items);
    }
}
