package io.github.asyncinvokelister;

import java.util.Optional;

/**
 * The service broke the paging protocol: it sent back a {@code nextToken} already seen in this listing, which
 * would loop forever. The items delivered before it are sound; {@link #resumeToken()} resumes just after the
 * last of them.
 */
public class PaginationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The token after the last delivered item; {@code null} if none was delivered and none was given. */
    private final String resumeToken;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null}
     */
    public PaginationException(String message, String resumeToken) {
        super(message);
        this.resumeToken = resumeToken;
    }

    /**
     * The token that resumes the listing just after the last item delivered before the failure.
     *
     * @return the token; empty when the listing should be started again from the beginning
     */
    public Optional<String> resumeToken() {
        return Optional.ofNullable(resumeToken);
    }
}
