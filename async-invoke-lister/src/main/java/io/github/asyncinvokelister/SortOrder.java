package io.github.asyncinvokelister;

/** The order of a listing, mirroring the service's {@code SortOrder} wire values. */
public enum SortOrder {
    /** Oldest first ({@code Ascending}). */
    ASCENDING("Ascending"),
    /** Newest first ({@code Descending}); the service's default. */
    DESCENDING("Descending");

    private final String wireValue;

    SortOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The service's string for this order, such as {@code "Descending"}.
     *
     * @return the wire value
     */
    @Override
    public String toString() {
        return wireValue;
    }
}
