package io.github.asyncinvokelister;

/** What the service sorts a listing by, mirroring the service's {@code SortAsyncInvocationBy} wire values. */
public enum SortBy {
    /** By submission time ({@code SubmissionTime}); the service's default. */
    SUBMISSION_TIME("SubmissionTime");

    private final String wireValue;

    SortBy(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The service's string for this key, such as {@code "SubmissionTime"}.
     *
     * @return the wire value
     */
    @Override
    public String toString() {
        return wireValue;
    }
}
