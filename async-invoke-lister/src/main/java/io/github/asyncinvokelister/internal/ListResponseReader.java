package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Reads the body of each successful {@code ListAsyncInvokes} response of one listing with {@link ListResponseJson}
 * before the SDK does, and hands the SDK {@code {}} in its place, so a page is parsed once, not twice, and a union
 * member the SDK does not know keeps its name. A body the reader leaves to the SDK is handed over unchanged, and the
 * SDK parses (or refuses) it as it always would.
 *
 * <p>The body is read when the SDK first reads from it, inside the SDK's own read, so a connection that breaks or a
 * body cut short fails the attempt exactly as it would without this reader, and the SDK retries it the same way. A
 * request-level {@link SdkPlugin} adds the interceptor, so it works on any client, including one the user built;
 * error responses pass untouched. One buffer, grown to the largest body, serves every page of the listing.
 */
final class ListResponseReader implements SdkPlugin, ExecutionInterceptor {
    private static final byte[] EMPTY_RESPONSE = {'{', '}'};
    /** The largest array the JVM allocates. */
    private static final int MAX_BODY = Integer.MAX_VALUE - 8;

    /** Whether to read bodies, or leave every one to the SDK (for a client with interceptors of its own). */
    private final boolean reads;
    private byte[] buffer = new byte[8192];
    private int length;
    private PageSource.Page<AsyncInvokeSummary> page;
    /** What was wrong with the last body, if the reader read it and found a summary it cannot use. */
    private MalformedPageException malformed;

    /** A reader that reads every body it can. */
    ListResponseReader() {
        this(true);
    }

    /**
     * A reader that reads the bodies it can, or, with {@code reads} false, leaves every one to the SDK and only keeps
     * it for {@link #unknownMemberNames()}: what a client with interceptors of its own gets, so that they see the
     * SDK's parse of the real body.
     */
    ListResponseReader(boolean reads) {
        this.reads = reads;
    }

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        forget();
        if (!context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        return context.responseBody().map(Reading::new);
    }

    /** Forgets the last response, before a new request. */
    void forget() {
        length = 0;
        page = null;
        malformed = null;
    }

    /**
     * The page of the last response, if this reader read it.
     *
     * @return the page; {@code null} if the SDK parsed the response (then use its result)
     */
    PageSource.Page<AsyncInvokeSummary> page() {
        return page;
    }

    /**
     * What was wrong with the last response, if this reader read it and found a summary it cannot use: thrown after
     * the SDK's call, not from within the SDK's read, which would make it the SDK's failure.
     *
     * @return the failure; {@code null} if there was none
     */
    MalformedPageException malformed() {
        return malformed;
    }

    /**
     * The output-union member name of each summary of the last response, for a response the SDK parsed.
     *
     * @return one name a summary; see {@link ListResponseJson#unknownMemberNames}
     */
    List<String> unknownMemberNames() {
        return ListResponseJson.unknownMemberNames(buffer, length);
    }

    private void readAll(InputStream in) throws IOException {
        while (true) {
            if (length == buffer.length) {
                if (length == MAX_BODY) {
                    // The SDK could not have held such a page either; it fails the attempt as a read would.
                    throw new IOException("the response body is longer than " + MAX_BODY + " bytes");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_BODY, 2L * buffer.length));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return;
            }
            length += n;
        }
    }

    /** The body the SDK reads: on its first read, the whole response is read and parsed here. */
    private final class Reading extends InputStream {
        private final InputStream original;
        private InputStream served;

        Reading(InputStream original) {
            this.original = original;
        }

        @Override
        public int read() throws IOException {
            return served().read();
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            return served().read(bytes, offset, count);
        }

        @Override
        public int available() throws IOException {
            return served == null ? 0 : served.available();
        }

        @Override
        public void close() throws IOException {
            original.close();
        }

        private InputStream served() throws IOException {
            if (served == null) {
                readAll(original);
                try {
                    page = reads ? ListResponseJson.read(buffer, length) : null;
                } catch (MalformedPageException e) {
                    malformed = e;
                }
                served = page != null || malformed != null ? new ByteArrayInputStream(EMPTY_RESPONSE)
                        : new ByteArrayInputStream(buffer, 0, length);
            }
            return served;
        }
    }
}
