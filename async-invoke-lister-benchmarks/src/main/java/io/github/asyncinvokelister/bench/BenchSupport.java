package io.github.asyncinvokelister.bench;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Invocation;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** What the benchmarks share: the client they list through and where its emulator is. */
final class BenchSupport {
    /**
     * Seed of every generated data set: the lister and the raw paginator list the same invocations, in the same
     * JVM or not.
     */
    static final long SEED = 42;

    private BenchSupport() {
    }

    /**
     * A client for an emulator at {@code endpoint}, usually one in the JMH host JVM, with any interceptors.
     */
    static BedrockRuntimeClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeEmulator.clientBuilder(endpoint);
        if (interceptors.length > 0) {
            builder.overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)));
        }
        return builder.build();
    }

    /** The endpoint the JMH host passed to this fork in system property {@code name}, if it did. */
    static Optional<URI> endpoint(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(URI::create);
    }

    /**
     * The emulator's generated invocations with every output config an S3 one: what the service sends today,
     * where {@code s3OutputDataConfig} is the union's only member. The rest (statuses this library does not know
     * included) is as generated.
     */
    static List<Invocation> s3Only(int count) {
        return BedrockRuntimeEmulator.generate(count, SEED).stream()
                .map(invocation -> invocation.outputDataConfig() instanceof Invocation.S3Output ? invocation
                        : invocation.toBuilder()
                                .outputDataConfig(Invocation.S3Output.of(s3Uri(invocation.invocationArn())))
                                .build())
                .toList();
    }

    private static String s3Uri(String invocationArn) {
        return "s3://emulator-output/" + invocationArn.substring(invocationArn.lastIndexOf('/') + 1) + "/";
    }

    static void expect(long expected, long actual, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + " listed " + actual + " items, expected " + expected);
        }
    }
}
