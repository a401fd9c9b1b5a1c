package io.github.asyncinvokelister;

import java.util.List;
import java.util.Optional;

/**
 * A listing stopped before its end. The items delivered before it are sound, and {@link #resumeToken()} resumes just
 * after the last of them: the items delivered, then those listed from the token, are the whole listing, none lost and
 * none repeated.
 *
 * <p>The cases are:
 * <ul>
 *   <li>{@link RequestFailedException}: a request failed after the SDK's retries; its cause is the SDK's
 *       exception. Resuming is worth a try once the cause has passed.</li>
 *   <li>{@link TokenCycleException}: the service sent a {@code nextToken} already seen in this listing, which would
 *       loop forever. Resuming meets the same broken token again.</li>
 *   <li>{@link EmptyPagesException}: the service sent more empty pages in a row, each with a new token, than the
 *       lister's limit. Resuming goes on from the last of them.</li>
 * </ul>
 *
 * <pre>{@code
 * String token = null;
 * while (true) {
 *     try (Stream<AsyncInvokeSummary> items = lister.stream(query, pagination.withStartingToken(token))) {
 *         items.forEach(this::process);
 *         break;
 *     } catch (RequestFailedException e) {
 *         token = e.resumeToken().orElse(null);   // wait, then go on where it stopped
 *     }
 * }
 * }</pre>
 */
public abstract class ListingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The token after the last delivered item; {@code null} if none was delivered and none was given. */
    private final String resumeToken;
    /** Not serialised: a listing's items stay in the process that listed them. */
    private transient List<AsyncInvokeSummary> partialItems = List.of();

    /** Package-private: the cases are this package's. */
    ListingException(String message, String resumeToken, Throwable cause) {
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
     * {@link AsyncInvokeLister#list list}, which returns nothing when it fails. {@link #resumeToken()} resumes after
     * them. Empty for streams and cursors, which delivered their items as they went.
     *
     * @return the items, in order; empty after deserialisation
     */
    public List<AsyncInvokeSummary> partialItems() {
        return partialItems == null ? List.of() : partialItems;
    }

    /** Records what {@code list} had gathered, so a failed call loses nothing. */
    ListingException withPartialItems(List<AsyncInvokeSummary> items) {
        this.partialItems = List.copyOf(items);
        return this;
    }
}
