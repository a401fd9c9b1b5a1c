package io.github.asyncinvokelister;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What tests expect an emulator to list. */
final class Listings {
    private Listings() {
    }

    /** The emulator's invocations in the service's default order, newest first. */
    static List<AsyncInvokeSummary> newestFirst(BedrockRuntimeEmulator emulator) {
        List<AsyncInvokeSummary> items = new ArrayList<>(emulator.invocations());
        items.sort(Comparator.comparing(AsyncInvokeSummary::submitTime).reversed());
        return List.copyOf(items);
    }
}
