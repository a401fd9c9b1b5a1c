package io.github.asyncinvokelister.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the raw body of the last response of one listing, for the rare page whose union member the SDK could not
 * name. A request-level {@link SdkPlugin} adds the interceptor, so it works on any client, including one the
 * user built. The bytes are copied as the SDK reads them into one buffer that every page of the listing reuses:
 * no parse and no allocation per page once the buffer has grown to the largest body.
 */
final class ResponseBodyCapture implements SdkPlugin, ExecutionInterceptor {
    private byte[] buffer = new byte[8192];
    private int length;

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        length = 0;
        return context.responseBody().map(Tee::new);
    }

    /**
     * The output-union member name of each summary in the last response, as far as the SDK read it.
     *
     * @param summaries how many summaries the SDK parsed
     * @param everySummaryHasAUnion whether the SDK found an {@code outputDataConfig} in each of them
     * @return the name of a summary's union member, by its index; see
     *     {@link UnknownMembers#names(byte[], int, int, boolean)}
     */
    IntFunction<String> unknownMemberNames(int summaries, boolean everySummaryHasAUnion) {
        return UnknownMembers.names(buffer, length, summaries, everySummaryHasAUnion);
    }

    private void append(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /** Copies what the SDK reads into the capture. */
    private final class Tee extends FilterInputStream {
        private final byte[] single = new byte[1];

        Tee(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                single[0] = (byte) b;
                append(single, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            int n = in.read(bytes, offset, count);
            if (n > 0) {
                append(bytes, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes would leave a hole in the capture; read them through instead.
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }
    }
}
