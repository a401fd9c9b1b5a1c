package io.github.asyncinvokelister.internal;

import java.util.regex.Pattern;

/**
 * The service model's limits on the paging parameters of {@code ListAsyncInvokes}, in one place: every check of a
 * page size or a service token, in the public API or behind it, goes through here.
 */
public final class ServiceLimits {
    /** The largest {@code maxResults} the service accepts ({@code MaxResults}: 1 to 1000). */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The longest {@code nextToken} the service accepts ({@code PaginationToken}: 1 to 2048, pattern \S*). */
    public static final int MAX_SERVICE_TOKEN_LENGTH = 2048;

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private ServiceLimits() {
    }

    /**
     * Checks a page size.
     *
     * @param pageSize the value
     * @param name what to call it in the message, such as {@code "pageSize"}
     * @return {@code pageSize}
     * @throws IllegalArgumentException if it is outside 1 to {@value #MAX_PAGE_SIZE}
     */
    public static int checkPageSize(int pageSize, String name) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        return pageSize;
    }

    /**
     * Checks a service token against the model's {@code PaginationToken}. Its length is counted as the service counts
     * a string's, in Unicode code points, so a token of 2048 characters outside the Basic Multilingual Plane (4096
     * Java {@code char}s) is within it. The messages give the length, never the content.
     *
     * @param serviceToken the token
     * @param name what to call it in the message, such as {@code "nextToken"}
     * @return {@code serviceToken}
     * @throws IllegalArgumentException if it is empty, longer than {@value #MAX_SERVICE_TOKEN_LENGTH} characters, or
     *     holds whitespace
     */
    public static String checkServiceToken(String serviceToken, String name) {
        if (serviceToken.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        int length = serviceToken.codePointCount(0, serviceToken.length());
        if (length > MAX_SERVICE_TOKEN_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_SERVICE_TOKEN_LENGTH + " characters: "
                    + length);
        }
        if (WHITESPACE.matcher(serviceToken).find()) {
            throw new IllegalArgumentException(name + " contains whitespace");
        }
        return serviceToken;
    }
}
