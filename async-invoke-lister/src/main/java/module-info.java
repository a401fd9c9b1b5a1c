/**
 * async-invoke-lister: list Amazon Bedrock asynchronous invocations with boto3's paging semantics. The API is the
 * package {@code io.github.asyncinvokelister}; everything else is internal and not exported.
 */
module io.github.asyncinvokelister {
    // In the API's signatures: the clients, the region, credentials and retry mode, and the SDK's exceptions.
    requires transitive software.amazon.awssdk.services.bedrockruntime;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.regions;
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.identity.spi;
    // SdkPublisher, the non-blocking lister's return type, is a Reactive Streams Publisher.
    requires transitive org.reactivestreams;

    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.utils;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.github.asyncinvokelister;
}
