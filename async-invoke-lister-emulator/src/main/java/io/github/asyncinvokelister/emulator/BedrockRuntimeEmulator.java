package io.github.asyncinvokelister.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * An in-process Amazon Bedrock Runtime that serves {@code StartAsyncInvoke}, {@code GetAsyncInvoke} and
 * {@code ListAsyncInvokes} over real HTTP on the loopback interface, speaking the service's REST-JSON protocol, so the
 * AWS SDK, boto3 and the AWS CLI can talk to it unchanged. It exists for tests and benchmarks: its data is
 * deterministic, started invocations run on a clock the test can control, it records every request, and it can
 * inject faults and latency.
 *
 * <pre>{@code
 * try (BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder()
 *         .generated(500, 42)               // 500 invocations, the same ones for seed 42 every time
 *         .latency(Duration.ofMillis(20))   // optional: every response takes 20 ms
 *         .start()) {
 *     BedrockRuntimeClient client = emu.client();
 *     client.listAsyncInvokesPaginator(r -> r.maxResults(100)).asyncInvokeSummaries().forEach(...);
 *     assertThat(emu.requests()).extracting(RecordedRequest::maxResults).containsOnly(Optional.of(100));
 *     emu.faults().next(Fault.THROTTLE);   // the next ListAsyncInvokes request gets a 429
 * }
 * }</pre>
 *
 * <h2>{@code POST /async-invoke} ({@code StartAsyncInvoke})</h2>
 * <ul>
 *   <li>The body is checked as the service model says: {@code modelId} (1 to 256 characters of
 *       {@code [a-zA-Z_\.\-/0-9:]+}), {@code modelInput} (any JSON), {@code outputDataConfig} ({@code s3Uri}, and
 *       an optional {@code kmsKeyId} and {@code bucketOwner}), up to 200 {@code tags}, and {@code clientRequestToken}
 *       (1 to 256 of {@code [!-~]}). Every broken constraint is named in one {@code ValidationException}; a body
 *       that is not JSON of that shape is a {@code SerializationException}. Neither quotes the model input or the
 *       token.</li>
 *   <li>The same {@code clientRequestToken} with the same parameters (members in any order) returns the same ARN;
 *       with other parameters it is a 400 {@code ConflictException}. With {@link Builder#knownModels} any other model
 *       is a 404 {@code ResourceNotFoundException}; with {@link Builder#inProgressQuota} a start beyond it is a 400
 *       {@code ServiceQuotaExceededException}.</li>
 *   <li>The invocation is {@code InProgress} from the {@linkplain Builder#clock clock}'s time (to the millisecond),
 *       then {@code Completed} or {@code Failed} as its {@link Lifecycle} says; its output {@code s3Uri} is the one
 *       given with {@code /<invocation ID>} added, the folder the service writes to. ARNs are the same, in the same
 *       order, after every start or {@link #reset()}.</li>
 * </ul>
 *
 * <h2>{@code GET /async-invoke} ({@code ListAsyncInvokes})</h2>
 * <ul>
 *   <li>{@code submitTimeAfter} and {@code submitTimeBefore} (ISO-8601, such as {@code 2024-01-01T00:00:00Z} or
 *       with fractional seconds) keep invocations submitted strictly after and strictly before those times;
 *       {@code statusEquals} ({@code InProgress}, {@code Completed} or {@code Failed}) keeps one status.</li>
 *   <li>{@code sortBy} ({@code SubmissionTime}) and {@code sortOrder} ({@code Ascending} or {@code Descending})
 *       sort by submit time. <b>The default order is {@code Descending}</b>, newest first, as the service's.</li>
 *   <li>{@code maxResults} is 1 to 1000. <b>Without it a page holds {@value #DEFAULT_MAX_RESULTS} items</b>; the
 *       service does not document its own default, so this one is a choice, not a copy.</li>
 *   <li>Each page but the last carries a {@code nextToken}. Tokens are opaque, deterministic (the same data and
 *       query always give the same tokens) and bound to the query: one used with other filters or another sort
 *       is a {@code ValidationException}, and so is a token that was altered or made up. A token holds the
 *       key (submit time, then order) of the next item, not a page number, so a client may change
 *       {@code maxResults} between pages, and a listing under way sees each item that existed when it began once,
 *       and an invocation started since only if it sorts after the token (oldest first, not newest first). Every token
 *       contains {@code +}, {@code /} and {@code =}, so a client that does not percent-encode it fails.</li>
 *   <li>A parameter that breaks the model's constraints is a 400 {@code ValidationException} whose message names
 *       it, in the service's words ({@code "1 validation error detected: Value '0' at 'maxResults' failed to
 *       satisfy constraint: ..."}). Unknown parameters are ignored.</li>
 * </ul>
 *
 * <h2>{@code GET /async-invoke/{invocationArn}} ({@code GetAsyncInvoke})</h2>
 * The invocation's fields, as in a summary. The ARN is percent-decoded from the path ({@code %3A} or a plain
 * {@code :}, {@code %2F}). A malformed ARN is a {@code ValidationException}, and so is a well-formed one that
 * names no invocation: the operation models no {@code ResourceNotFoundException}, so an SDK would not map one to a
 * type its users catch. Faults never apply to {@code GetAsyncInvoke} or {@code StartAsyncInvoke}.
 *
 * <h2>Responses</h2>
 * JSON bodies with timestamps such as {@code 2025-03-04T05:06:07.123Z}, and an {@code x-amzn-RequestId} on every
 * response. Errors carry the HTTP status, an {@code x-amzn-ErrorType} header and {@code {"message": "..."}}, as
 * the service sends them. Any other path or method is a 404 {@code UnknownOperationException}.
 *
 * <p>The emulator is thread-safe. It binds to the loopback address only, serves on an embedded Jetty server from a
 * pool of daemon threads ({@value #THREADS} for requests; a {@linkplain Fault#stall stalled} request holds one), and
 * checks no signature. It sets nothing JVM-wide: each emulator's server has its own threads, timeouts and socket
 * options.
 */
public final class BedrockRuntimeEmulator implements AutoCloseable {
    /** The page size when a request has no {@code maxResults}. */
    public static final int DEFAULT_MAX_RESULTS = ListRequest.DEFAULT_MAX_RESULTS;

    /**
     * Threads that serve requests, beyond the ones that accept connections and select on them. A connection holds
     * none while it sends its request or waits between requests (Jetty reads requests without blocking), so only
     * requests being answered take one: the latency and stalls hold theirs.
     */
    private static final int THREADS = 64;
    /** How many requests {@link #requests()} keeps, unless {@link Builder#requestLogLimit(int)} says otherwise. */
    public static final int DEFAULT_REQUEST_LOG_LIMIT = 10_000;
    /** How long a connection may stay silent, unless {@link Builder#idleTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Room for the request line and headers of any request the service model allows. */
    private static final int REQUEST_HEADER_BYTES = 64 * 1024;
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAEMULATOREXAMPLE", "emulator-secret-access-key"));
    /**
     * How invocations started through {@code StartAsyncInvoke} run unless {@link Builder#lifecycle(Lifecycle)}
     * says otherwise: {@code Completed} two minutes after submission, about as long as a six-second video takes.
     */
    public static final Lifecycle DEFAULT_LIFECYCLE = Lifecycle.completesAfter(Duration.ofMinutes(2));

    private final EmulatorState state;
    private final EmulatorHandler handler;
    private final List<Fault> script;
    private final List<RateRule> rates;
    private final Faults faults;
    private final RequestLog requests;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Server server;
    private final URI endpoint;
    private BedrockRuntimeClient client;
    private BedrockRuntimeAsyncClient asyncClient;
    private boolean closed;

    private BedrockRuntimeEmulator(Builder builder) throws Exception {
        this.state = new EmulatorState(builder.dataset, builder.clock, builder.knownModels,
                builder.inProgressQuota, builder.lifecycle, builder.modelLifecycles);
        this.requests = new RequestLog(builder.requestLogLimit);
        this.faults = new Faults();
        this.script = List.copyOf(builder.script);
        this.rates = List.copyOf(builder.rates);
        armFaults();
        QueuedThreadPool threads = new QueuedThreadPool(THREADS + 2, 2);
        threads.setName("bedrock-runtime-emulator-" + INSTANCES.incrementAndGet());
        threads.setDaemon(true);
        // No threads held back for Jetty's own use: every one of them may serve a request.
        threads.setReservedThreads(0);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // GetAsyncInvoke's path holds the ARN percent-encoded, "/" as %2F, which Jetty's default refuses as ambiguous;
        // the handler decodes the path itself.
        http.setUriCompliance(UriCompliance.LEGACY);
        // The longest valid request line: a 2048-character nextToken of three-byte characters is 18 KiB encoded.
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        // HTTP/1.1, and HTTP/2 without TLS for a client that opens with the HTTP/2 preface: the SDK's async client
        // speaks HTTP/2 to Bedrock Runtime by default.
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        // A client that opens a connection and then says nothing, or stops half-way, is cut off after this long.
        connector.setIdleTimeout(builder.idleTimeout.toMillis());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        connector.setHost(loopback.getHostAddress());
        connector.setPort(builder.port);
        server.addConnector(connector);
        this.handler = new EmulatorHandler(state, faults, builder.latency, requests, closing);
        server.setHandler(handler);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        String host = loopback.getHostAddress();
        this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + connector.getLocalPort());
    }

    /**
     * A builder that serves no invocations on an ephemeral port, without latency or faults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The invocations {@link Builder#generated(int, long)} serves, oldest first: the same list for the same
     * {@code count} and {@code seed}, on any machine.
     *
     * <p>They look like the service's: invocation ARNs such as
     * {@code arn:aws:bedrock:us-east-1:123456789012:async-invoke/k3x9q0w2m7ab}, a few foundation models (Nova Reel,
     * Luma Ray, TwelveLabs Marengo), distinct submit times increasing at random gaps over about 120 days from
     * 2025-01-06, mostly {@code Completed} with some {@code InProgress} and {@code Failed} (the failed ones with a
     * failure message), end times on ended invocations, a last-modified time on all, a client request token on
     * most, and S3 outputs with and without a KMS key and a bucket owner. About one in fifty has a status this
     * library does not know ({@code "Cancelled"} or {@code "Expired"}), and about one in fifty an output member it
     * does not know ({@code gcsOutputDataConfig}); any list of 100 or more has at least one of each.
     *
     * <p>The list is computed lazily: it holds no items, and {@code get(i)} builds item {@code i} from
     * {@code (seed, i)} each time, so a listing of millions costs no memory. It is unmodifiable.
     *
     * @param count how many, zero or more
     * @param seed the seed
     * @return the invocations, in ascending submit time
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static List<Invocation> generate(int count, long seed) {
        return new GeneratedInvocations(count, seed);
    }

    /**
     * The base URI to point a client at, such as {@code http://127.0.0.1:49152}.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The port the emulator listens on.
     *
     * @return the port
     */
    public int port() {
        return endpoint.getPort();
    }

    /**
     * A client for this emulator, created on first use from {@link #clientBuilder()} and shared; {@link #close()}
     * closes it, so do not close it yourself.
     *
     * @return the client
     * @throws IllegalStateException if the emulator is closed
     */
    public synchronized BedrockRuntimeClient client() {
        if (closed) {
            throw new IllegalStateException("emulator is closed: " + endpoint);
        }
        if (client == null) {
            client = clientBuilder().build();
        }
        return client;
    }

    /**
     * A client builder set up for this emulator: its endpoint, region {@code us-east-1}, static dummy credentials
     * and the Apache HTTP client. Adjust it (retries, timeouts) and build; the client it builds is yours to close.
     *
     * <pre>{@code
     * try (BedrockRuntimeClient noRetries = emu.clientBuilder()
     *         .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
     *         .build()) { ... }
     * }</pre>
     *
     * @return a new builder
     */
    public BedrockRuntimeClientBuilder clientBuilder() {
        return clientBuilder(endpoint);
    }

    /**
     * {@link #clientBuilder()} for an emulator at {@code endpoint}, which may run in another JVM (one started by
     * the command-line tool's {@code emulator} command, say).
     *
     * @param endpoint the emulator's base URI, such as {@code http://127.0.0.1:8080}
     * @return a new builder
     */
    // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
    @SuppressWarnings("deprecation")
    public static BedrockRuntimeClientBuilder clientBuilder(URI endpoint) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder());
    }

    /**
     * A shared async client for this emulator, created on first use from {@link #asyncClientBuilder()}; {@link
     * #close()} closes it, so do not close it yourself.
     *
     * @return the client
     * @throws IllegalStateException if the emulator is closed
     * @throws software.amazon.awssdk.core.exception.SdkClientException if no async HTTP client is on the class
     *     path
     */
    public synchronized BedrockRuntimeAsyncClient asyncClient() {
        if (closed) {
            throw new IllegalStateException("emulator is closed: " + endpoint);
        }
        if (asyncClient == null) {
            asyncClient = asyncClientBuilder().build();
        }
        return asyncClient;
    }

    /**
     * An async client builder set up for this emulator as {@link #clientBuilder()} is. It leaves the HTTP client to
     * the SDK, which takes the one on the class path: add {@code software.amazon.awssdk:netty-nio-client} (or the
     * CRT client) to use it.
     *
     * @return a new builder
     */
    public BedrockRuntimeAsyncClientBuilder asyncClientBuilder() {
        return asyncClientBuilder(endpoint);
    }

    /**
     * {@link #asyncClientBuilder()} for an emulator at {@code endpoint}, which may run in another JVM.
     *
     * @param endpoint the emulator's base URI
     * @return a new builder
     */
    public static BedrockRuntimeAsyncClientBuilder asyncClientBuilder(URI endpoint) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS);
    }

    /**
     * The invocations served, as of the clock's time now, in ascending submit time (the order of
     * {@code sortOrder=Ascending}): those the emulator was built with and those started since.
     *
     * @return an unmodifiable snapshot; lazy for generated data, so a started invocation's status is read when an
     *     item is
     */
    public List<Invocation> invocations() {
        return state.view().asList();
    }

    /**
     * The invocations started through {@code StartAsyncInvoke} since start or the last {@link #reset()}, in the
     * order they started, as of the clock's time now.
     *
     * @return the invocations
     */
    public List<Invocation> startedInvocations() {
        Instant now = state.clock.instant();
        return state.started().stream().map(job -> job.at(now)).toList();
    }

    /**
     * One invocation, as {@code GetAsyncInvoke} would return it now.
     *
     * @param invocationArn its ARN
     * @return the invocation; empty if none has this ARN
     */
    public Optional<Invocation> invocation(String invocationArn) {
        return state.view().find(Objects.requireNonNull(invocationArn, "invocationArn"));
    }

    /**
     * The clock that times started invocations: {@link Builder#clock(Clock)}'s, the system's UTC clock by default.
     *
     * @return the clock
     */
    public Clock clock() {
        return state.clock;
    }

    /**
     * Ends a started invocation now, {@code Completed}, whatever its lifecycle said.
     *
     * @param invocationArn the ARN {@code StartAsyncInvoke} returned
     * @throws IllegalArgumentException if no invocation was started with this ARN
     * @throws IllegalStateException if it has ended already
     */
    public void complete(String invocationArn) {
        started(invocationArn).end(Job.COMPLETED, Optional.empty(), state.clock.instant());
    }

    /**
     * Ends a started invocation now, {@code Failed} with this message, whatever its lifecycle said.
     *
     * @param invocationArn the ARN {@code StartAsyncInvoke} returned
     * @param failureMessage the invocation's {@code failureMessage}, not empty
     * @throws IllegalArgumentException if no invocation was started with this ARN, or the message is empty
     * @throws IllegalStateException if it has ended already
     */
    public void fail(String invocationArn, String failureMessage) {
        Objects.requireNonNull(failureMessage, "failureMessage");
        if (failureMessage.isEmpty()) {
            throw new IllegalArgumentException("failureMessage must not be empty");
        }
        started(invocationArn).end(Job.FAILED, Optional.of(failureMessage), state.clock.instant());
    }

    private Job started(String invocationArn) {
        Objects.requireNonNull(invocationArn, "invocationArn");
        return state.job(invocationArn).orElseThrow(() -> new IllegalArgumentException(
                "no invocation was started through StartAsyncInvoke with this ARN: " + invocationArn));
    }

    /**
     * Sets the lifecycle of invocations started from now on, for every model without one of its own, as
     * {@link Builder#lifecycle(Lifecycle)} does; {@link #reset()} puts back the builder's.
     *
     * @param lifecycle the lifecycle
     * @return this emulator
     */
    public BedrockRuntimeEmulator lifecycle(Lifecycle lifecycle) {
        state.lifecycle(lifecycle);
        return this;
    }

    /**
     * Sets the lifecycle of invocations of one model started from now on, as
     * {@link Builder#lifecycle(String, Lifecycle)} does; {@link #reset()} puts back the builder's.
     *
     * @param modelId the {@code modelId} as requests give it
     * @param lifecycle the lifecycle
     * @return this emulator
     */
    public BedrockRuntimeEmulator lifecycle(String modelId, Lifecycle lifecycle) {
        state.lifecycle(modelId, lifecycle);
        return this;
    }

    /**
     * Puts the emulator back as {@link Builder#start()} left it, without restarting it: forgets the started
     * invocations, their client request tokens and the recorded requests, sets the lifecycles and faults back to
     * the builder's (a scripted fault already served is scripted again, and rate rules start over from their
     * seeds), and forgets the tokens clients used. The clock is the caller's and is left alone. Invocations
     * started after a reset get the same ARNs, in the same order, as after start.
     */
    public void reset() {
        state.reset();
        handler.reset();
        faults.clear();
        armFaults();
        requests.clear();
    }

    private void armFaults() {
        faults.next(script.toArray(new Fault[0]));
        for (RateRule rule : rates) {
            faults.rate(rule.fault(), rule.probability(), rule.seed());
        }
    }

    /**
     * The requests received since start or the last {@link #clearRequests()}, in arrival order: the last
     * {@link Builder#requestLogLimit(int) requestLogLimit} of them ({@value #DEFAULT_REQUEST_LOG_LIMIT} by default),
     * so that a long test does not keep every one. A request is recorded before its response is sent, so once a
     * client call returns, its requests are here.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /**
     * How many requests were received since start or the last {@link #clearRequests()}, those {@link #requests()}
     * no longer keeps included.
     *
     * @return the count
     */
    public long requestCount() {
        return requests.count();
    }

    /** Forgets the requests recorded so far. */
    public void clearRequests() {
        requests.clear();
    }

    /**
     * The faults injected into {@code ListAsyncInvokes} requests; change them at any time.
     *
     * @return the faults
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Stops the server, ending every wait (latency, stalls) and dropping open connections, and closes
     * {@link #client()}'s and {@link #asyncClient()}'s clients. Idempotent.
     */
    @Override
    public void close() {
        BedrockRuntimeClient owned;
        BedrockRuntimeAsyncClient ownedAsync;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            owned = client;
            ownedAsync = asyncClient;
        }
        closing.countDown();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator's server did not stop: " + endpoint, e);
        } finally {
            if (owned != null) {
                owned.close();
            }
            if (ownedAsync != null) {
                ownedAsync.close();
            }
        }
    }

    private record RateRule(Fault fault, double probability, long seed) {
    }

    /** Configures and starts a {@link BedrockRuntimeEmulator}. Each {@link #start()} starts a new one. */
    public static final class Builder {
        private Dataset dataset = Dataset.of(List.of());
        private Duration latency = Duration.ZERO;
        private int port;
        private final List<Fault> script = new ArrayList<>();
        private final List<RateRule> rates = new ArrayList<>();
        private int requestLogLimit = DEFAULT_REQUEST_LOG_LIMIT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Lifecycle lifecycle = DEFAULT_LIFECYCLE;
        private final Map<String, Lifecycle> modelLifecycles = new HashMap<>();
        private Optional<Set<String>> knownModels = Optional.empty();
        private int inProgressQuota;

        private Builder() {
        }

        /**
         * The clock that times started invocations: their submit times, and when they end. A {@link ManualClock}
         * lets a test move time on without sleeping.
         *
         * @param clock the clock; the system's UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How invocations started through {@code StartAsyncInvoke} run, for every model without a lifecycle of its
         * own.
         *
         * @param lifecycle the lifecycle; {@link BedrockRuntimeEmulator#DEFAULT_LIFECYCLE} by default
         * @return this builder
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * How invocations of one model run.
         *
         * @param modelId the {@code modelId} exactly as requests give it, such as {@code "amazon.nova-reel-v1:1"}
         * @param lifecycle the lifecycle
         * @return this builder
         */
        public Builder lifecycle(String modelId, Lifecycle lifecycle) {
            modelLifecycles.put(Objects.requireNonNull(modelId, "modelId"),
                    Objects.requireNonNull(lifecycle, "lifecycle"));
            return this;
        }

        /**
         * The models {@code StartAsyncInvoke} accepts: any other {@code modelId} is a 404
         * {@code ResourceNotFoundException}, as the service answers for a model it cannot resolve. Without this,
         * every {@code modelId} the model's pattern allows is accepted.
         *
         * @param modelIds the {@code modelId}s, exactly as requests give them
         * @return this builder
         */
        public Builder knownModels(String... modelIds) {
            Set<String> known = new HashSet<>();
            for (String modelId : modelIds) {
                known.add(Objects.requireNonNull(modelId, "modelId"));
            }
            this.knownModels = Optional.of(known);
            return this;
        }

        /**
         * How many started invocations may be in progress at once: one more is a 400
         * {@code ServiceQuotaExceededException}, as the service answers when its quota is full. A repeated
         * request with a client request token already used returns its invocation whatever the quota.
         *
         * @param inProgressQuota 1 or more; no quota by default
         * @return this builder
         * @throws IllegalArgumentException if {@code inProgressQuota} is below 1
         */
        public Builder inProgressQuota(int inProgressQuota) {
            if (inProgressQuota < 1) {
                throw new IllegalArgumentException("inProgressQuota must be at least 1: " + inProgressQuota);
            }
            this.inProgressQuota = inProgressQuota;
            return this;
        }

        /**
         * How many requests {@link BedrockRuntimeEmulator#requests()} keeps: the oldest go once there are more.
         *
         * @param requestLogLimit 1 or more; {@value BedrockRuntimeEmulator#DEFAULT_REQUEST_LOG_LIMIT} by default
         * @return this builder
         * @throws IllegalArgumentException if {@code requestLogLimit} is below 1
         */
        public Builder requestLogLimit(int requestLogLimit) {
            if (requestLogLimit < 1) {
                throw new IllegalArgumentException("requestLogLimit must be at least 1: " + requestLogLimit);
            }
            this.requestLogLimit = requestLogLimit;
            return this;
        }

        /**
         * How long a connection may stay silent, before its request is complete or between requests, before the
         * emulator closes it: a slow or stuck client costs a connection, never a thread, and not for ever.
         *
         * @param idleTimeout positive; 30 seconds by default
         * @return this builder
         * @throws IllegalArgumentException if {@code idleTimeout} is zero or negative
         */
        public Builder idleTimeout(Duration idleTimeout) {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            if (idleTimeout.isZero() || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Serves {@link #generate(int, long) generate(count, seed)}, replacing any invocations set before.
         *
         * @param count how many invocations, zero or more
         * @param seed the seed
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder generated(int count, long seed) {
            this.dataset = new GeneratedInvocations(count, seed);
            return this;
        }

        /**
         * Serves these invocations, replacing any set before. They are copied and sorted by submit time.
         *
         * @param invocations the invocations
         * @return this builder
         * @throws NullPointerException if {@code invocations} or one of them is {@code null}
         */
        public Builder invocations(List<Invocation> invocations) {
            this.dataset = Dataset.of(Objects.requireNonNull(invocations, "invocations"));
            return this;
        }

        /** Serves a dataset of this package's own, such as a slow one for a test of the latency. */
        Builder dataset(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /**
         * How long the emulator takes to answer each request, measured from when the request arrived: the time it
         * spends building a page counts toward it, so a 1000-item page takes no longer than a 1-item page as long
         * as building it takes less than this. A {@link Fault.Stall} holds the response back on top of it.
         *
         * @param latency zero or more; zero by default
         * @return this builder
         * @throws IllegalArgumentException if {@code latency} is negative
         */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * Listens on this port of the loopback address.
         *
         * @param port 1 to 65535, or 0 (the default) for a free one
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Scripts faults for the first {@code ListAsyncInvokes} requests, as {@link Faults#next} does, after any
         * scripted before.
         *
         * @param faults the faults, one a request
         * @return this builder
         */
        public Builder faults(Fault... faults) {
            for (Fault fault : faults) {
                script.add(Objects.requireNonNull(fault, "fault"));
            }
            return this;
        }

        /**
         * Adds a rate rule, as {@link Faults#rate} does.
         *
         * @param fault the fault
         * @param probability 0 to 1
         * @param seed the rule's seed
         * @return this builder
         * @throws IllegalArgumentException if {@code probability} is not between 0 and 1
         */
        public Builder faultRate(Fault fault, double probability, long seed) {
            Faults.checkRate(fault, probability);
            rates.add(new RateRule(fault, probability, seed));
            return this;
        }

        /**
         * Starts an emulator; it is listening when this returns.
         *
         * @return the running emulator; close it
         * @throws UncheckedIOException if the port cannot be bound
         */
        public BedrockRuntimeEmulator start() {
            try {
                return new BedrockRuntimeEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on port " + port, e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the emulator's server did not start", e);
            }
        }
    }
}
