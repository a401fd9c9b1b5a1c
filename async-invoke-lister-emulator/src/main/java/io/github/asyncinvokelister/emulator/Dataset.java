package io.github.asyncinvokelister.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulator serves: invocations by index, oldest submission first. Listing needs only
 * {@link #submitTime} to find a time window by binary search, so a generated dataset never builds the items a
 * page skips.
 */
interface Dataset {

    int size();

    /** The invocation at {@code index}, in ascending submit-time order. */
    Invocation get(int index);

    /** {@code get(index).submitTime()}, possibly without building the item. */
    Instant submitTime(int index);

    /**
     * A number that orders invocations submitted at the same time, unique in the dataset and the same for an item
     * whatever is added around it: page tokens hold an item's submit time and ordinal, not its index.
     */
    default long ordinal(int index) {
        return index;
    }

    Optional<Invocation> find(String invocationArn);

    /** The invocations in ascending submit-time order, as an unmodifiable list. */
    List<Invocation> asList();

    /** Mixed into page tokens, so a token from one dataset is not taken by an emulator serving another. */
    long fingerprint();

    /** A dataset of the given invocations, sorted by submit time (a stable sort: ties keep their order). */
    static Dataset of(List<Invocation> invocations) {
        if (invocations instanceof GeneratedInvocations generated) {
            return generated;
        }
        List<Invocation> sorted = new ArrayList<>(List.copyOf(invocations));
        sorted.sort(Comparator.comparing(Invocation::submitTime));
        return new Listed(List.copyOf(sorted));
    }

    /** A dataset held in memory. */
    final class Listed implements Dataset {
        private final List<Invocation> items;
        private final Map<String, Invocation> byArn = new HashMap<>();
        private final long fingerprint;

        private Listed(List<Invocation> items) {
            this.items = items;
            long hash = items.size();
            for (Invocation item : items) {
                byArn.putIfAbsent(item.invocationArn(), item);
                hash = SplitMix.mix(hash, item.invocationArn().hashCode() ^ item.submitTime().toEpochMilli());
            }
            this.fingerprint = hash;
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Invocation get(int index) {
            return items.get(index);
        }

        @Override
        public Instant submitTime(int index) {
            return items.get(index).submitTime();
        }

        @Override
        public Optional<Invocation> find(String invocationArn) {
            return Optional.ofNullable(byArn.get(invocationArn));
        }

        @Override
        public List<Invocation> asList() {
            return items;
        }

        @Override
        public long fingerprint() {
            return fingerprint;
        }
    }
}
