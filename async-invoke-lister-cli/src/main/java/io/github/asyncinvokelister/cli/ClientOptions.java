package io.github.asyncinvokelister.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
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
 * @param caBundle {@code --ca-bundle}: the certificates to trust instead of the JDK's; else {@code AWS_CA_BUNDLE} or
 *     the profile's {@code ca_bundle}
 * @param verifySsl false for {@code --no-verify-ssl}: no certificate or host name is checked
 * @param debugLog {@code --debug}: where each request and response is shown
 */
record ClientOptions(Optional<URI> endpointUrl, Optional<String> region, Optional<String> profile,
        Duration readTimeout, Duration connectTimeout, Optional<Path> caBundle, boolean verifySsl,
        Optional<PrintWriter> debugLog) {
    ClientOptions {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(debugLog, "debugLog");
    }

    /** Options that trust the JDK's certificates, or the environment's or profile's bundle, and verify them. */
    ClientOptions(Optional<URI> endpointUrl, Optional<String> region, Optional<String> profile, Duration readTimeout,
            Duration connectTimeout) {
        this(endpointUrl, region, profile, readTimeout, connectTimeout, Optional.empty(), true, Optional.empty());
    }
}
