package io.github.asyncinvokelister.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the service: the AWS CLI's global flags that shape the client.
 *
 * @param endpointUrl {@code --endpoint-url}: the endpoint to call instead of the region's
 * @param region {@code --region}; the SDK's region chain (for {@code profile}) when absent
 * @param profile {@code --profile}: the shared config and credentials profile; the SDK's default when absent
 * @param readTimeout {@code --cli-read-timeout}; {@link Duration#ZERO} for none
 * @param connectTimeout {@code --cli-connect-timeout}; {@link Duration#ZERO} for none
 */
record ClientOptions(Optional<URI> endpointUrl, Optional<String> region, Optional<String> profile,
        Duration readTimeout, Duration connectTimeout) {
    ClientOptions {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }
}
