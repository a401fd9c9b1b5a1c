package io.github.asyncinvokelister;

/**
 * A request of the listing failed after the SDK's own retries: throttling that outlasted them, a server error, a
 * network failure, a timeout. {@link #getCause()} is the SDK's exception; {@link #resumeToken()} resumes just
 * after the last item delivered, so the items delivered before this exception and the items listed from its token
 * are the whole listing, none lost and none repeated.
 *
 * <pre>{@code
 * String token = null;
 * while (true) {
 *     try (Stream<AsyncInvokeSummary> items = lister.stream(query, pagination.withStartingToken(token))) {
 *         items.forEach(this::process);
 *         break;
 *     } catch (ListingInterruptedException e) {
 *         token = e.resumeToken().orElseThrow();   // wait, then go on where it stopped
 *     }
 * }
 * }</pre>
 */
public class ListingInterruptedException extends PaginationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any token
     * @param resumeToken the token that resumes after the last delivered item
     * @param cause the SDK's exception
     */
    public ListingInterruptedException(String message, String resumeToken, Throwable cause) {
        super(message, resumeToken, cause);
    }
}
