package io.github.asyncinvokelister;

import java.util.Map;
import java.util.Set;

/** The timeout of {@link AsyncInvokeWatcher#awaitCompletion} passed before every invocation had ended. */
public final class WaitTimeoutException extends WaitException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The watcher makes its own; this is for tests of code that handles a wait that timed out.
     *
     * @param message what happened
     * @param finished the invocations that ended, by ARN
     * @param stillRunning the ARNs of those that had not
     */
    public WaitTimeoutException(String message, Map<String, AsyncInvokeSummary> finished, Set<String> stillRunning) {
        super(message, finished, stillRunning, null);
    }
}
