package io.github.asyncinvokelister;

import java.util.Objects;

/**
 * The service sent more empty pages in a row than the lister's limit ({@link AsyncInvokeLister#withEmptyPageLimit}),
 * each with a new {@code nextToken}: a listing that makes requests without end and never gets an item. Thrown once
 * the limit is passed; {@link #resumeToken()} resumes with the last token the service sent, so a caller who knows
 * its service can go on.
 */
public final class EmptyPagesException extends ListingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. The lister makes its own; this is for tests of code that handles a failed listing.
     *
     * @param message what went wrong, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null} to start again
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public EmptyPagesException(String message, String resumeToken) {
        super(Objects.requireNonNull(message, "message"), resumeToken, null);
    }
}
