package io.github.asyncinvokelister;

import java.util.Objects;

/**
 * A request of the listing failed: after the SDK's own retries (throttling that outlasted them, a server error, a
 * network failure, a timeout, an interrupt of the listing thread), or with a response the lister cannot use (a
 * summary without a member the service model requires; the message names it), or because the lister was closed
 * while the listing ran. {@link #getCause()} is the SDK's exception, or what was wrong; {@link #resumeToken()}
 * resumes just after the last item delivered, at the page that failed.
 */
public final class RequestFailedException extends ListingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The lister makes its own; this is for tests of code that handles a failed listing.
     *
     * @param message what failed, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null} to start again
     * @param cause the SDK's exception, or what was wrong
     * @throws NullPointerException if {@code message} or {@code cause} is {@code null}
     */
    public RequestFailedException(String message, String resumeToken, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), resumeToken, Objects.requireNonNull(cause, "cause"));
    }
}
