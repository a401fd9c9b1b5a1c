package io.github.asyncinvokelister;

import java.util.Objects;

/**
 * A request of the listing failed after the SDK's own retries: throttling that outlasted them, a server error, a
 * network failure, a timeout. {@link #getCause()} is the SDK's exception; {@link #resumeToken()} resumes just after
 * the last item delivered.
 */
public final class RequestFailedException extends ListingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The lister makes its own; this is for tests of code that handles a failed listing.
     *
     * @param message what failed, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null} to start again
     * @param cause the SDK's exception
     * @throws NullPointerException if {@code message} or {@code cause} is {@code null}
     */
    public RequestFailedException(String message, String resumeToken, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), resumeToken, Objects.requireNonNull(cause, "cause"));
    }
}
