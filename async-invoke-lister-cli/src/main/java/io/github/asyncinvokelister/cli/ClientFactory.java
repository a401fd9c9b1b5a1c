package io.github.asyncinvokelister.cli;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Makes the builder of the client a listing uses. {@link SdkClientFactory} is the AWS CLI's way; tests put in one
 * for the emulator.
 */
@FunctionalInterface
interface ClientFactory {
    /**
     * A builder for these options; the command adds to it and builds, so resolving the region and credentials (and
     * failing for want of them) happens at {@code build()}.
     */
    BedrockRuntimeClientBuilder builder(ClientOptions options);
}
