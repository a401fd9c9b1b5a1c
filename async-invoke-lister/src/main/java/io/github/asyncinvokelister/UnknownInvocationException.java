package io.github.asyncinvokelister;

import java.util.List;

/**
 * {@link AsyncInvokeWatcher#awaitCompletion} was asked to wait for invocations the service does not know: well-formed
 * ARNs that {@code GetAsyncInvoke} refuses. The message and {@link #invocationArns()} name them.
 */
public final class UnknownInvocationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Not serialised with the exception: the ARNs are in its message. */
    private final transient List<String> invocationArns;

    /**
     * Creates the exception. The watcher makes its own; this is for tests of code that handles it.
     *
     * @param invocationArns the ARNs the service does not know, at least one
     * @throws IllegalArgumentException if {@code invocationArns} is empty
     */
    public UnknownInvocationException(List<String> invocationArns) {
        super(message(invocationArns));
        this.invocationArns = List.copyOf(invocationArns);
    }

    private static String message(List<String> invocationArns) {
        if (invocationArns.isEmpty()) {
            throw new IllegalArgumentException("invocationArns must not be empty");
        }
        return "the service knows no asynchronous invocation with " + (invocationArns.size() == 1
                ? "this ARN: " + invocationArns.get(0) : "these ARNs: " + invocationArns);
    }

    /**
     * The ARNs the service does not know, in the order they were asked for.
     *
     * @return an unmodifiable list
     */
    public List<String> invocationArns() {
        return invocationArns == null ? List.of() : invocationArns;
    }
}
