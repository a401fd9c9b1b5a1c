package io.github.asyncinvokelister.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@code limit} requests, and how many there were in all. Thread-safe. */
final class RequestLog {
    private final int limit;
    private final Deque<RecordedRequest> kept = new ArrayDeque<>();
    private long count;

    RequestLog(int limit) {
        this.limit = limit;
    }

    synchronized void add(RecordedRequest request) {
        if (kept.size() == limit) {
            kept.removeFirst();
        }
        kept.addLast(request);
        count++;
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(kept);
    }

    synchronized long count() {
        return count;
    }

    synchronized void clear() {
        kept.clear();
        count = 0;
    }
}
