package io.github.asyncinvokelister;

import java.util.List;
import java.util.Optional;

/**
 * A listing stopped before its end. Thrown as such when the service broke the paging protocol: it sent back a
 * {@code nextToken} already seen in this listing, which would loop forever. Its subclass
 * {@link ListingInterruptedException} is thrown when a request failed. Either way the items delivered before it
 * are sound, and {@link #resumeToken()} resumes just after the last of them: the items delivered, then those
 * listed from the token, are the whole listing, none lost and none repeated.
 */
public class PaginationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The token after the last delivered item; {@code null} if none was delivered and none was given. */
    private final String resumeToken;
    /** Not serialised: a listing's items stay in the process that listed them. */
    private transient List<AsyncInvokeSummary> partialItems = List.of();

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null}
     */
    public PaginationException(String message, String resumeToken) {
        this(message, resumeToken, null);
    }

    /**
     * Creates the exception with a cause, for subclasses.
     *
     * @param message what went wrong, without any token
     * @param resumeToken the token that resumes after the last delivered item, or {@code null}
     * @param cause what made the listing stop, or {@code null}
     */
    protected PaginationException(String message, String resumeToken, Throwable cause) {
        super(message, cause);
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

    /**
     * The items fetched before the failure that the failed call could not return: those of
     * {@link AsyncInvokeLister#list list}, which returns nothing when it fails. {@link #resumeToken()} resumes
     * after them. Empty for streams and cursors, which delivered their items as they went.
     *
     * @return the items, in order; empty after deserialisation
     */
    public List<AsyncInvokeSummary> partialItems() {
        return partialItems == null ? List.of() : partialItems;
    }

    /** Records what {@code list} had gathered, so a failed call loses nothing. */
    PaginationException withPartialItems(List<AsyncInvokeSummary> items) {
        this.partialItems = List.copyOf(items);
        return this;
    }
}
