package io.github.asyncinvokelister;

/**
 * The status of an asynchronous invocation, mirroring the service's {@code AsyncInvokeStatus} wire values.
 *
 * <p>{@link #UNKNOWN} stands for a value this version does not know (a newer service may send one); the raw
 * wire string is kept in {@link AsyncInvokeSummary#statusValue()}.
 */
public enum InvocationStatus {
    /** The invocation is running ({@code InProgress}). */
    IN_PROGRESS("InProgress"),
    /** The invocation finished and wrote its output ({@code Completed}). */
    COMPLETED("Completed"),
    /** The invocation failed ({@code Failed}); see {@link AsyncInvokeSummary#failureMessage()}. */
    FAILED("Failed"),
    /** A status this version of the library does not know. It is never sent as a filter. */
    UNKNOWN(null);

    /** {@code values()} copies its array on every call; this is read once an item. */
    private static final InvocationStatus[] VALUES = values();

    private final String wireValue;

    InvocationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the status for a wire value, or {@link #UNKNOWN} for a value this version does not know.
     *
     * @param wireValue the service's string, such as {@code "InProgress"}; {@code null} gives {@link #UNKNOWN}
     * @return the matching status, never {@code null}
     */
    public static InvocationStatus fromValue(String wireValue) {
        if (wireValue != null) {
            for (InvocationStatus status : VALUES) {
                if (wireValue.equals(status.wireValue)) {
                    return status;
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * The service's string for this status, such as {@code "InProgress"}; {@code null} for {@link #UNKNOWN}.
     *
     * @return the wire value
     */
    @Override
    public String toString() {
        return wireValue;
    }
}
