package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * One {@code GetAsyncInvoke}, as a summary. Its response holds a summary's members at the top level, so the body is
 * copied as the SDK reads it and then read by {@link ListResponseJson} as a one-item page: the same strict reading, required
 * members and union member names as a listing's. The SDK parses the body too, unchanged, so its retries and errors
 * are its own.
 */
final class GetInvocation implements SdkPlugin, ExecutionInterceptor {
    private static final byte[] BEFORE = "{\"asyncInvokeSummaries\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = "]}".getBytes(StandardCharsets.US_ASCII);

    private ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private GetInvocation() {
    }

    /**
     * The invocation, as the service has it now.
     *
     * @return the summary; empty if the service does not know the ARN (it answers {@code ValidationException},
     *     which is all the operation models)
     * @throws MalformedPageException if the response lacks a member the model requires
     * @throws software.amazon.awssdk.core.exception.SdkException if the request failed after the SDK's retries
     */
    static Optional<AsyncInvokeSummary> get(BedrockRuntimeClient client, String invocationArn) {
        GetInvocation reader = new GetInvocation();
        try {
            client.getAsyncInvoke(GetAsyncInvokeRequest.builder().invocationArn(invocationArn)
                    .overrideConfiguration(o -> o.addPlugin(reader)).build());
        } catch (ValidationException e) {
            return Optional.empty();
        }
        byte[] body = reader.captured.toByteArray();
        byte[] page = new byte[BEFORE.length + body.length + AFTER.length];
        System.arraycopy(BEFORE, 0, page, 0, BEFORE.length);
        System.arraycopy(body, 0, page, BEFORE.length, body.length);
        System.arraycopy(AFTER, 0, page, BEFORE.length + body.length, AFTER.length);
        PageSource.Page<AsyncInvokeSummary> read = ListResponseJson.read(page, page.length);
        if (read == null || read.items().size() != 1) {
            // The SDK took a body this reader would have left to it (a duplicate member, say): not one to guess at.
            throw new MalformedPageException("the GetAsyncInvoke response is not a summary this library reads");
        }
        return Optional.of(read.items().get(0));
    }

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        if (!context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        // Copied as the SDK reads it, inside the SDK's own reads, so a broken connection fails and is retried as it
        // would be without this; each attempt starts a new copy.
        ByteArrayOutputStream copy = new ByteArrayOutputStream(2048);
        captured = copy;
        return context.responseBody().map(original -> new FilterInputStream(original) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int count) throws IOException {
                int n = super.read(bytes, offset, count);
                if (n > 0) {
                    copy.write(bytes, offset, n);
                }
                return n;
            }
        });
    }
}
