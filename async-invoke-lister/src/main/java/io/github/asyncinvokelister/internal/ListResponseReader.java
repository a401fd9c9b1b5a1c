package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
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
    /** Whether the client is the non-blocking one, whose body comes as a publisher, not a stream. */
    private final boolean async;
    private byte[] buffer = new byte[8192];
    private int length;
    private PageSource.Page<AsyncInvokeSummary> page;
    /** What was wrong with the last body, if the reader read it and found a summary it cannot use. */
    private MalformedPageException malformed;
    /** The latest attempt's body on a non-blocking client: only its bytes become the page. */
    private volatile Gathering current;

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
        this(reads, false);
    }

    /**
     * A reader for a blocking client or, with {@code async}, for a non-blocking one: there the body is gathered from
     * the publisher the SDK reads it from, and parsed once it is all in, on the HTTP client's thread, where the SDK
     * would parse it.
     */
    ListResponseReader(boolean reads, boolean async) {
        this.reads = reads;
        this.async = async;
    }

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        if (async) {
            return context.responseBody(); // the SDK's non-blocking client reads the publisher, below
        }
        forget();
        if (!context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        return context.responseBody().map(Reading::new);
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        if (!async) {
            return context.responsePublisher();
        }
        forget();
        if (!context.httpResponse().isSuccessful()) {
            return context.responsePublisher();
        }
        return context.responsePublisher().map(Gathering::new);
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

    /**
     * Takes in the whole body of an attempt, and returns what the SDK is to parse: for the latest attempt, the body
     * parsed here ({@link #parse()}); for one the SDK has moved on from, the body as it came, which nothing reads.
     */
    private synchronized ByteBuffer parsed(Gathering attempt, byte[] body, int bodyLength) {
        if (attempt != current) {
            return ByteBuffer.wrap(body, 0, bodyLength);
        }
        buffer = body;
        length = bodyLength;
        return parse();
    }

    /** Parses what is in the buffer, and returns what the SDK is to parse: {@code {}}, or the body as it came. */
    private ByteBuffer parse() {
        try {
            page = reads ? ListResponseJson.read(buffer, length) : null;
        } catch (MalformedPageException e) {
            malformed = e;
        }
        return page != null || malformed != null ? ByteBuffer.wrap(EMPTY_RESPONSE)
                : ByteBuffer.wrap(buffer, 0, length);
    }

    /**
     * {@code bytes}, or a copy at least twice as long, with room for {@code more} after its first {@code count}.
     *
     * @throws IOException if the body would pass {@link #MAX_BODY}, which the SDK could not have held either: the
     *     attempt fails as a read would
     */
    private static byte[] room(byte[] bytes, int count, int more) throws IOException {
        if (more > MAX_BODY - count) {
            throw new IOException("the response body is longer than " + MAX_BODY + " bytes");
        }
        return count + more <= bytes.length ? bytes
                : Arrays.copyOf(bytes, (int) Math.min(MAX_BODY, Math.max(2L * bytes.length, (long) count + more)));
    }

    private void readAll(InputStream in) throws IOException {
        while (true) {
            if (length == buffer.length) {
                buffer = room(buffer, length, 1);
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
                ByteBuffer body = parse();
                served = new ByteArrayInputStream(body.array(), body.arrayOffset() + body.position(),
                        body.remaining());
            }
            return served;
        }
    }

    /**
     * The body the non-blocking SDK reads: the whole response is gathered, parsed here, and handed on as one buffer.
     * A failure of the body's publisher (a connection that breaks) passes on as it is, so the SDK retries it as it
     * would without this reader.
     */
    private final class Gathering implements Publisher<ByteBuffer> {
        private final Publisher<ByteBuffer> original;

        Gathering(Publisher<ByteBuffer> original) {
            this.original = original;
            current = this;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> downstream) {
            original.subscribe(new Subscriber<ByteBuffer>() {
                /**
                 * This attempt's own bytes: an attempt the SDK gave up on (a timeout) may still be receiving when the
                 * next begins, so they share nothing until the body is all in.
                 */
                private byte[] bytes = new byte[8192];
                private int count;
                /** Guards the four below: the downstream's request and the upstream's end may race. */
                private final Object lock = new Object();
                private Subscription upstream;
                private boolean wanted;
                private ByteBuffer gathered;
                private boolean sent;

                @Override
                public void onSubscribe(Subscription subscription) {
                    upstream = subscription;
                    downstream.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                            ByteBuffer ready;
                            synchronized (lock) {
                                boolean first = !wanted;
                                wanted = true;
                                ready = take();
                                if (first && ready == null && !sent) {
                                    // All of it, however many buffers: it is handed on only when it is all in.
                                    upstream.request(Long.MAX_VALUE);
                                }
                            }
                            deliver(ready);
                        }

                        @Override
                        public void cancel() {
                            upstream.cancel();
                        }
                    });
                }

                @Override
                public void onNext(ByteBuffer chunk) {
                    int n = chunk.remaining();
                    try {
                        bytes = room(bytes, count, n);
                    } catch (IOException e) {
                        upstream.cancel();
                        downstream.onError(e);
                        return;
                    }
                    chunk.get(bytes, count, n);
                    count += n;
                }

                @Override
                public void onError(Throwable failure) {
                    downstream.onError(failure);
                }

                @Override
                public void onComplete() {
                    ByteBuffer ready;
                    synchronized (lock) {
                        gathered = parsed(Gathering.this, bytes, count);
                        ready = take();
                    }
                    deliver(ready);
                }

                /** The body, once, if it is in and was asked for. */
                private ByteBuffer take() {
                    if (gathered == null || !wanted || sent) {
                        return null;
                    }
                    sent = true;
                    return gathered;
                }

                private void deliver(ByteBuffer body) {
                    if (body != null) {
                        downstream.onNext(body);
                        downstream.onComplete();
                    }
                }
            });
        }
    }
}
