/**
 * The embedded Amazon Bedrock Runtime emulator: {@code io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator}
 * and its faults, for tests. It stands apart from the library: it serves its own records and hands out SDK clients.
 */
module io.github.asyncinvokelister.emulator {
    // In the API's signatures: the SDK's client and its builder.
    requires transitive software.amazon.awssdk.services.bedrockruntime;
    requires transitive software.amazon.awssdk.core;

    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.regions;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http2.server;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.github.asyncinvokelister.emulator;
}
