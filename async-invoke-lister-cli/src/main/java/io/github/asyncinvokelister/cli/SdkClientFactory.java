package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Clients as the AWS CLI sets them up: the region from {@code --region}, else the SDK's region chain; credentials
 * from the SDK's default chain; {@code --profile} choosing the profile both read; the endpoint from
 * {@code --endpoint-url}; read and connect timeouts in seconds, 0 for none. Beyond the AWS CLI's, which has none, a
 * request with its retries is cut off after {@link #DEFAULT_REQUEST_TIMEOUT} (the library's own default), so a server
 * that sends a byte a second, or asks for retries without end, cannot keep the tool running for ever. The SDK's own
 * defaults do the rest (retries, and {@code AWS_ENDPOINT_URL} and the like from the environment).
 */
final class SdkClientFactory implements ClientFactory {
    /** How long one request, its retries included, may take. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = AsyncInvokeLister.Builder.DEFAULT_API_CALL_TIMEOUT;

    private final AwsCredentialsProvider credentials;
    private final Duration requestTimeout;

    /** With the SDK's default credentials chain. */
    SdkClientFactory() {
        this(null);
    }

    /**
     * With fixed credentials, or the default chain for {@code null}, and this bound on a request with its retries.
     *
     * @param credentials the credentials, or {@code null} for the default chain
     * @param requestTimeout how long a request, its retries included, may take
     */
    SdkClientFactory(AwsCredentialsProvider credentials, Duration requestTimeout) {
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
    }

    /**
     * With fixed credentials instead of the default chain, so tests need no environment.
     *
     * @param credentials the credentials, or {@code null} for the default chain
     */
    SdkClientFactory(AwsCredentialsProvider credentials) {
        this(credentials, DEFAULT_REQUEST_TIMEOUT);
    }

    // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
    @SuppressWarnings("deprecation")
    @Override
    public BedrockRuntimeClientBuilder builder(ClientOptions options) {
        // Apache's 0 is "no timeout", as the AWS CLI's is.
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .socketTimeout(options.readTimeout())
                        .connectionTimeout(options.connectTimeout()));
        options.endpointUrl().ifPresent(builder::endpointOverride);
        options.region().map(Region::of).ifPresent(builder::region);
        // The client's profile name steers its default region chain and default credentials chain alike.
        // One override for both: a second call would replace the first.
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(requestTimeout);
            options.profile().ifPresent(o::defaultProfileName);
        });
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder;
    }
}
