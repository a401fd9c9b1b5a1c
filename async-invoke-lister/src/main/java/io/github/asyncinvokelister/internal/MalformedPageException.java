package io.github.asyncinvokelister.internal;

/**
 * A response the lister cannot make records of: a summary that is {@code null}, or lacks a member the service model
 * requires. The message names the summary and the member, never a value. The walker turns it into the listing's
 * {@link io.github.asyncinvokelister.RequestFailedException}, with the token that resumes at that page.
 */
final class MalformedPageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPageException(String message) {
        super(message);
    }

    /** The summary at {@code index} (of {@code count}) lacks {@code member}. */
    static MalformedPageException missing(int index, int count, String member) {
        return new MalformedPageException("summary " + (index + 1) + " of " + count + " has no " + member
                + ", which the service model requires");
    }

    /** The summary at {@code index} (of {@code count}) is JSON {@code null}. */
    static MalformedPageException nullSummary(int index, int count) {
        return new MalformedPageException("summary " + (index + 1) + " of " + count + " is null");
    }
}
