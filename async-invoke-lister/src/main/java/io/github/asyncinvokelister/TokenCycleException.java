package io.github.asyncinvokelister;

import java.util.Objects;

/**
 * The service broke the paging protocol: it sent back a {@code nextToken} already seen in this listing (A, A or A, B,
 * A), which would loop forever. Thrown once the page that sent it has been delivered; {@link #resumeToken()} resumes
 * just after that page, where the same broken token waits.
 */
public final class TokenCycleException extends ListingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The lister makes its own; this is for tests of code that handles a failed listing.
     *
     * @param message what went wrong, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null} to start again
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public TokenCycleException(String message, String resumeToken) {
        super(Objects.requireNonNull(message, "message"), resumeToken, null);
    }
}
