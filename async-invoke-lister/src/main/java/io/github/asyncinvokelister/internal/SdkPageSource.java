package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.InvocationStatus;
import io.github.asyncinvokelister.ListAsyncInvokesQuery;
import io.github.asyncinvokelister.OutputDataConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Fetches {@code ListAsyncInvokes} pages through the AWS SDK as this library's records. {@link ListResponseReader}
 * reads each body; for the rare body it leaves to the SDK, and for every body on a client with interceptors of its
 * own, the SDK's result is mapped here instead. One instance serves one listing, one request at a time, over a
 * blocking or a non-blocking client.
 */
final class SdkPageSource implements PageSource<AsyncInvokeSummary>, AsyncPageSource<AsyncInvokeSummary> {
    /** Where the SDK's own interceptors live. */
    private static final String SDK_PACKAGES = "software.amazon.awssdk.";

    /** The client of a blocking source; {@code null} for a non-blocking one. */
    private final BedrockRuntimeClient client;
    /** The client of a non-blocking source; {@code null} for a blocking one. */
    private final BedrockRuntimeAsyncClient asyncClient;
    private final ListAsyncInvokesRequest baseRequest;
    private final ListResponseReader reader;
    /** The caller's first service token, until the first response shows whether the service takes it. */
    private String unconfirmedToken;
    /** What the caller called that token: the parameter named when the service refuses it. */
    private final String tokenName;

    /**
     * Creates a source for one listing.
     *
     * @param client the client to call; not closed here
     * @param query the filters and sort sent with every request
     * @param firstToken the service token of the first request, or {@code null}; a service that rejects it fails
     *     the listing with {@link IllegalArgumentException}, as a malformed token does
     * @param tokenName what the caller called that token, such as {@code "startingToken"}
     */
    SdkPageSource(BedrockRuntimeClient client, ListAsyncInvokesQuery query, String firstToken, String tokenName) {
        this(client, query, firstToken, tokenName, new ListResponseReader(
                !hasInterceptorsOfItsOwn(client.serviceClientConfiguration())));
    }

    /** A source whose bodies this reader reads. */
    SdkPageSource(BedrockRuntimeClient client, ListAsyncInvokesQuery query, String firstToken, String tokenName,
            ListResponseReader reader) {
        this(client, null, query, firstToken, tokenName, reader);
    }

    /**
     * Creates a non-blocking source for one listing, for {@link #fetchAsync}: the same requests and the same reading
     * of each response as a blocking one. The reader reads the body the SDK has gathered, on the HTTP client's
     * thread, as the SDK's own parse would.
     *
     * @param asyncClient the client to call; not closed here
     * @param query the filters and sort sent with every request
     * @param firstToken the service token of the first request, or {@code null}
     * @param tokenName what the caller called that token
     */
    SdkPageSource(BedrockRuntimeAsyncClient asyncClient, ListAsyncInvokesQuery query, String firstToken,
            String tokenName) {
        this(null, asyncClient, query, firstToken, tokenName, new ListResponseReader(
                !hasInterceptorsOfItsOwn(asyncClient.serviceClientConfiguration()), true));
    }

    private SdkPageSource(BedrockRuntimeClient client, BedrockRuntimeAsyncClient asyncClient,
            ListAsyncInvokesQuery query, String firstToken, String tokenName, ListResponseReader reader) {
        this.client = client;
        this.asyncClient = asyncClient;
        this.reader = reader;
        this.unconfirmedToken = firstToken;
        this.tokenName = tokenName;
        this.baseRequest = ListAsyncInvokesRequest.builder()
                .submitTimeAfter(query.submitTimeAfter().orElse(null))
                .submitTimeBefore(query.submitTimeBefore().orElse(null))
                .statusEquals(query.statusEquals().map(InvocationStatus::toString).orElse(null))
                .sortBy(query.sortBy().map(Object::toString).orElse(null))
                .sortOrder(query.sortOrder().map(Object::toString).orElse(null))
                .overrideConfiguration(o -> o.addPlugin(reader))
                .build();
    }

    /**
     * Whether the client was built with execution interceptors other than the SDK's own (which look at checksums,
     * trace ids and the like, never at what a {@code ListAsyncInvokes} response holds). Such an interceptor may look
     * at the SDK's parse of a response (to count items, say) or change it: then every body goes to the SDK as it
     * came, and the lister maps the SDK's result, as it did before it read bodies itself. (Interceptors registered
     * for the whole class path are not in the client's configuration, and are not seen here.)
     */
    static boolean hasInterceptorsOfItsOwn(SdkServiceClientConfiguration configuration) {
        return configuration.overrideConfiguration().executionInterceptors().stream()
                .anyMatch(interceptor -> !interceptor.getClass().getName().startsWith(SDK_PACKAGES));
    }

    @Override
    public Page<AsyncInvokeSummary> fetch(String serviceToken, int maxResults) {
        return fetch(serviceToken, Integer.valueOf(maxResults));
    }

    /**
     * Fetches one page, leaving {@code maxResults} to the service's default when it is {@code null}, as the AWS
     * CLI's {@code --no-paginate} does.
     *
     * @param serviceToken the service's {@code nextToken}, or {@code null} for the first page
     * @param maxResults the {@code maxResults} to send, or {@code null} to send none
     * @return the page as the service sent it
     */
    Page<AsyncInvokeSummary> fetch(String serviceToken, Integer maxResults) {
        if (client == null) {
            throw new IllegalStateException("a non-blocking source fetches with fetchAsync");
        }
        reader.forget();
        ListAsyncInvokesResponse response;
        try {
            response = client.listAsyncInvokes(request(serviceToken, maxResults));
        } catch (ValidationException e) {
            throw refused(e, serviceToken);
        }
        return page(response);
    }

    /**
     * Fetches one page without blocking. Cancelling the future abandons the request.
     *
     * @return the page as the service sent it, or the failure {@link #fetch(String, int)} would have thrown
     */
    @Override
    public CompletableFuture<Page<AsyncInvokeSummary>> fetchAsync(String serviceToken, int maxResults) {
        if (asyncClient == null) {
            throw new IllegalStateException("a blocking source fetches with fetch");
        }
        reader.forget();
        CompletableFuture<Page<AsyncInvokeSummary>> page = new CompletableFuture<>();
        CompletableFuture<ListAsyncInvokesResponse> call;
        try {
            call = asyncClient.listAsyncInvokes(request(serviceToken, maxResults));
        } catch (RuntimeException e) {
            page.completeExceptionally(e); // a closed client, say
            return page;
        }
        call.whenComplete((response, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            try {
                if (cause instanceof ValidationException refusal) {
                    throw refused(refusal, serviceToken);
                }
                if (cause != null) {
                    page.completeExceptionally(cause);
                } else {
                    page.complete(page(response));
                }
            } catch (RuntimeException e) {
                page.completeExceptionally(e);
            }
        });
        page.whenComplete((ignored, failure) -> {
            if (page.isCancelled()) {
                call.cancel(true);
            }
        });
        return page;
    }

    private ListAsyncInvokesRequest request(String serviceToken, Integer maxResults) {
        return baseRequest.toBuilder().maxResults(maxResults).nextToken(serviceToken).build();
    }

    /** The exception for a {@code ValidationException}: the caller's if it refused the caller's token. */
    private RuntimeException refused(ValidationException e, String serviceToken) {
        if (unconfirmedToken != null && unconfirmedToken.equals(serviceToken)) {
            // Every other parameter was checked before the request: the token is what the service refused. Its
            // message stays in the cause: a service may quote the value it refused.
            return new IllegalArgumentException(tokenName + " was rejected by the service ("
                    + e.awsErrorDetails().errorCode() + "); the cause has its message", e);
        }
        return e;
    }

    /** The page of a response: what the reader read, or the SDK's parse. */
    private Page<AsyncInvokeSummary> page(ListAsyncInvokesResponse response) {
        unconfirmedToken = null;
        if (reader.malformed() != null) {
            throw reader.malformed();
        }
        Page<AsyncInvokeSummary> page = reader.page();
        return page != null ? page : fromSdk(response);
    }

    /** The SDK's parse of a body the reader left to it, as records, with the union names the SDK drops. */
    private Page<AsyncInvokeSummary> fromSdk(ListAsyncInvokesResponse response) {
        List<software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary> sdkItems =
                response.asyncInvokeSummaries();
        List<String> unknownMembers = null;
        List<AsyncInvokeSummary> items = new ArrayList<>(sdkItems.size());
        for (int i = 0; i < sdkItems.size(); i++) {
            var sdkItem = sdkItems.get(i);
            checkRequiredMembers(sdkItems, i);
            AsyncInvokeOutputDataConfig output = sdkItem.outputDataConfig();
            OutputDataConfig config;
            if (output.type() == AsyncInvokeOutputDataConfig.Type.S3_OUTPUT_DATA_CONFIG) {
                AsyncInvokeS3OutputDataConfig s3 = output.s3OutputDataConfig();
                config = new OutputDataConfig.S3(s3.s3Uri(), Optional.ofNullable(s3.kmsKeyId()),
                        Optional.ofNullable(s3.bucketOwner()));
            } else {
                if (unknownMembers == null) {
                    unknownMembers = reader.unknownMemberNames();
                    if (unknownMembers.size() != sdkItems.size()) {
                        throw new IllegalStateException("the response body has " + unknownMembers.size()
                                + " summaries where the SDK parsed " + sdkItems.size());
                    }
                }
                config = new OutputDataConfig.Unknown(unknownMembers.get(i));
            }
            items.add(new AsyncInvokeSummary(
                    sdkItem.invocationArn(),
                    sdkItem.modelArn(),
                    Optional.ofNullable(sdkItem.clientRequestToken()),
                    Optional.ofNullable(sdkItem.statusAsString()),
                    Optional.ofNullable(sdkItem.failureMessage()),
                    sdkItem.submitTime(),
                    Optional.ofNullable(sdkItem.lastModifiedTime()),
                    Optional.ofNullable(sdkItem.endTime()),
                    config));
        }
        return new Page<>(items, response.nextToken());
    }

    /** Fails the page, naming the member, for a summary the model's required members are not all in. */
    private static void checkRequiredMembers(
            List<software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary> items, int index) {
        var item = items.get(index);
        if (item == null) {
            throw MalformedPageException.nullSummary(index, items.size());
        }
        String missing = item.invocationArn() == null ? "invocationArn" : item.modelArn() == null ? "modelArn"
                : item.submitTime() == null ? "submitTime" : item.outputDataConfig() == null ? "outputDataConfig"
                : item.outputDataConfig().type() == AsyncInvokeOutputDataConfig.Type.S3_OUTPUT_DATA_CONFIG
                        && item.outputDataConfig().s3OutputDataConfig().s3Uri() == null
                        ? "outputDataConfig.s3OutputDataConfig.s3Uri" : null;
        if (missing != null) {
            throw MalformedPageException.missing(index, items.size(), missing);
        }
    }
}
