package io.github.asyncinvokelister;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link AsyncInvokeWatcher#awaitCompletion} ended before every invocation had: {@link WaitTimeoutException} when the
 * timeout passed, {@link WaitInterruptedException} when the waiting thread was interrupted. Nothing seen is lost:
 * {@link #finished()} holds the invocations that ended, {@link #stillRunning()} the others, so a caller can wait again
 * for those alone.
 */
public abstract class WaitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serialised: summaries stay in the process that waited. */
    private final transient Map<String, AsyncInvokeSummary> finished;
    private final transient Set<String> stillRunning;

    WaitException(String message, Map<String, AsyncInvokeSummary> finished, Set<String> stillRunning,
            Throwable cause) {
        super(message, cause);
        this.finished = Collections.unmodifiableMap(new LinkedHashMap<>(finished));
        this.stillRunning = Collections.unmodifiableSet(new LinkedHashSet<>(stillRunning));
    }

    /**
     * The invocations that ended before the wait did, by ARN, in the order they were asked for.
     *
     * @return an unmodifiable map
     */
    public Map<String, AsyncInvokeSummary> finished() {
        return finished == null ? Map.of() : finished;
    }

    /**
     * The ARNs of the invocations that had not ended, in the order they were asked for.
     *
     * @return an unmodifiable set
     */
    public Set<String> stillRunning() {
        return stillRunning == null ? Set.of() : stillRunning;
    }
}
