package io.github.asyncinvokelister;

import java.util.Map;
import java.util.Set;

/**
 * The thread waiting in {@link AsyncInvokeWatcher#awaitCompletion} was interrupted. Its interrupt flag is set again
 * when this is thrown, so the code above it sees the interrupt too.
 */
public final class WaitInterruptedException extends WaitException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The watcher makes its own; this is for tests of code that handles an interrupted wait.
     *
     * @param message what happened
     * @param finished the invocations that ended, by ARN
     * @param stillRunning the ARNs of those that had not
     * @param cause what the interrupt ended (a sleep, or a request), if anything
     */
    public WaitInterruptedException(String message, Map<String, AsyncInvokeSummary> finished,
            Set<String> stillRunning, Throwable cause) {
        super(message, finished, stillRunning, cause);
    }
}
