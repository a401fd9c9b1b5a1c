package io.github.asyncinvokelister.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code StartAsyncInvoke}, {@code ListAsyncInvokes} and {@code GetAsyncInvoke} as a Jetty handler. It blocks its thread while it waits
 * out the latency or a stall, so it declares itself blocking; {@link BedrockRuntimeEmulator#close()} ends every wait.
 */
final class EmulatorHandler extends Handler.Abstract {
    /** The most of a GET's body the emulator reads, and throws away, before it answers. */
    private static final int DISCARDED_BODY_LIMIT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BedrockRuntimeEmulator.class);
    private static final String LIST_PATH = "/async-invoke";
    private static final String GET_PREFIX = "/async-invoke/";
    private static final String INVOCATION_ARN_PATTERN =
            "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke/[a-z0-9]{12}";
    private static final Pattern INVOCATION_ARN = Pattern.compile(INVOCATION_ARN_PATTERN);
    /** Room for any model input the service takes, a few images included; a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final EmulatorState state;
    private final Faults faults;
    private final Duration latency;
    private final RequestLog requests;
    /** Counted down when the emulator closes: every wait ends, and the request is dropped. */
    private final CountDownLatch closing;
    /** The nextToken of the last request of each query, for CYCLE_TOKEN: a token the client really used. */
    private final Map<Long, String> lastTokenByQuery = new ConcurrentHashMap<>();

    EmulatorHandler(EmulatorState state, Faults faults, Duration latency, RequestLog requests,
            CountDownLatch closing) {
        super(InvocationType.BLOCKING);
        this.state = state;
        this.faults = faults;
        this.latency = latency;
        this.requests = requests;
        this.closing = closing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        try {
            serve(exchange);
        } catch (Closing | IOException stoppedOrClientGone) {
            // The emulator is closing, or the client hung up (a timeout, say): there is no one left to answer.
            exchange.drop();
        } catch (RuntimeException bug) {
            LOG.warn("BedrockRuntimeEmulator failed to serve {} {}", exchange.method, exchange.path, bug);
            if (exchange.response.isCommitted()) {
                exchange.drop();
            } else {
                // Say so rather than drop the connection, which would pass for RESET_CONNECTION.
                exchange.sendError(new ApiError(500, "InternalServerException", "BedrockRuntimeEmulator failed: "
                        + bug));
            }
        }
        return true;
    }

    /** A request body longer than the emulator reads. */
    private static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body too large", null, false, false);
        }
    }

    /** The emulator closed while a request waited. */
    private static final class Closing extends Exception {
        private static final long serialVersionUID = 1L;

        Closing() {
            super("the emulator is closing", null, false, false);
        }
    }

    private void serve(Exchange exchange) throws IOException, Closing {
        long arrived = exchange.request.getBeginNanoTime();
        String method = exchange.method;
        String path = exchange.path;
        Optional<String> rawQuery = Optional.ofNullable(exchange.request.getHttpURI().getQuery());
        Map<String, String> params;
        try {
            params = decodeQuery(rawQuery.orElse(""));
        } catch (IllegalArgumentException malformed) {
            record(method, path, rawQuery, Map.of(), Optional.empty(), Fault.NONE);
            awaitLatency(arrived);
            exchange.sendError(ApiError.validation("The query string is not validly percent-encoded"));
            return;
        }

        if (!method.equals("POST")) {
            exchange.awaitEnd();
        }
        if (method.equals("GET") && path.equals(LIST_PATH)) {
            listAsyncInvokes(exchange, arrived, method, path, rawQuery, params);
        } else if (method.equals("POST") && path.equals(LIST_PATH)) {
            startAsyncInvoke(exchange, arrived, rawQuery, params);
        } else if (method.equals("GET") && path.startsWith(GET_PREFIX)) {
            record(method, path, rawQuery, params, Optional.empty(), Fault.NONE);
            awaitLatency(arrived);
            getAsyncInvoke(exchange, path.substring(GET_PREFIX.length()));
        } else {
            record(method, path, rawQuery, params, Optional.empty(), Fault.NONE);
            awaitLatency(arrived);
            exchange.sendError(new ApiError(404, "UnknownOperationException",
                    "BedrockRuntimeEmulator serves POST /async-invoke, GET /async-invoke and"
                            + " GET /async-invoke/{invocationArn} only, not " + method + " " + path));
        }
    }

    /** Forgets the tokens clients used, for {@link BedrockRuntimeEmulator#reset()}. */
    void reset() {
        lastTokenByQuery.clear();
    }

    private void startAsyncInvoke(Exchange exchange, long arrived, Optional<String> rawQuery,
            Map<String, String> params) throws IOException, Closing {
        byte[] body;
        try {
            body = exchange.body(MAX_BODY_BYTES);
        } catch (BodyTooLarge tooLarge) {
            record(exchange.method, exchange.path, rawQuery, params, Optional.empty(), Fault.NONE);
            awaitLatency(arrived);
            exchange.sendError(new ApiError(413, "ValidationException", "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes"));
            return;
        }
        record(exchange.method, exchange.path, rawQuery, params,
                Optional.of(new String(body, StandardCharsets.UTF_8)), Fault.NONE);
        String arn;
        try {
            arn = state.start(StartRequest.parse(body));
        } catch (ApiError error) {
            awaitLatency(arrived);
            exchange.sendError(error);
            return;
        }
        awaitLatency(arrived);
        exchange.send(200, Optional.empty(), WireJson.started(arn));
    }

    private void listAsyncInvokes(Exchange exchange, long arrived, String method, String path,
            Optional<String> rawQuery, Map<String, String> params) throws IOException, Closing {
        Plan plan = null;
        ApiError invalid = null;
        try {
            plan = plan(ListRequest.parse(params), state.view());
        } catch (ApiError e) {
            invalid = e;
        }
        Fault fault = faults.take();
        if (fault instanceof Fault.CannedResponse canned) {
            if (plan != null) {
                // The client used this token, canned answer or not: CYCLE_TOKEN may send it back later.
                Optional<String> token = plan.request().nextToken();
                if (token.isPresent()) {
                    lastTokenByQuery.put(plan.queryHash(), token.get());
                } else {
                    lastTokenByQuery.remove(plan.queryHash());
                }
            }
            record(method, path, rawQuery, params, Optional.empty(), fault);
            awaitLatency(arrived);
            exchange.send(canned.httpStatus(), Optional.empty(), canned.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (invalid != null && altersPage(fault)) {
            fault = Fault.NONE;
        }
        String previousToken = null;
        if (plan != null) {
            Optional<String> token = plan.request().nextToken();
            previousToken = token.isPresent() ? lastTokenByQuery.put(plan.queryHash(), token.get())
                    : lastTokenByQuery.remove(plan.queryHash());
            boolean tokenFault = fault instanceof Fault.RepeatToken || fault instanceof Fault.CycleToken;
            if (tokenFault && token.isEmpty()) {
                // A first page has no token the client used to send it back to; any other token would be one
                // it never saw, a loop no client can detect.
                fault = Fault.NONE;
            }
        }
        record(method, path, rawQuery, params, Optional.empty(), fault);
        // Built before the wait, so the time it takes is part of the latency rather than added to it.
        boolean pageSent = invalid == null
                && !(fault instanceof Fault.ServiceError || fault instanceof Fault.ResetConnection);
        byte[] body = pageSent ? page(plan, fault, previousToken) : null;
        awaitLatency(arrived);

        if (fault instanceof Fault.ServiceError error) {
            exchange.sendError(new ApiError(error.httpStatus(), error.errorType(), error.message()));
            return;
        }
        if (fault instanceof Fault.ResetConnection) {
            exchange.drop();
            return;
        }
        if (fault instanceof Fault.Stall stall) {
            pause(stall.duration());
        }
        if (invalid != null) {
            exchange.sendError(invalid);
            return;
        }
        if (fault instanceof Fault.MalformedBody) {
            // Any proper prefix of a JSON object is invalid JSON; the Content-Length stays honest.
            exchange.send(200, Optional.empty(), Arrays.copyOf(body, body.length / 2));
        } else if (fault instanceof Fault.TruncatedBody) {
            exchange.sendTruncated(body);
        } else {
            exchange.send(200, Optional.empty(), body);
        }
    }

    private static boolean altersPage(Fault fault) {
        return fault instanceof Fault.TruncatedBody || fault instanceof Fault.MalformedBody
                || fault instanceof Fault.RepeatToken || fault instanceof Fault.CycleToken
                || fault instanceof Fault.EmptyPageWithToken || fault instanceof Fault.OversizedPage;
    }

    /**
     * A validated request resolved against one view of the invocations.
     *
     * @param data the invocations as of the request
     * @param lo the first index in the time window
     * @param hi one past the last
     * @param start the cursor to start at: positions count from the window's first item in the sort order
     * @param token the request's token, if any
     */
    private record Plan(ListRequest request, Dataset data, long queryHash, int lo, int hi, int start,
            Optional<PageToken> token) {
        int length() {
            return hi - lo;
        }

        int index(int cursor) {
            return request.ascending() ? lo + cursor : hi - 1 - cursor;
        }

        PageToken.Position position(int cursor) {
            return EmulatorHandler.position(data, index(cursor));
        }
    }

    private static Plan plan(ListRequest request, Dataset data) {
        int lo = request.submitTimeAfter()
                .map(after -> EmulatorState.firstIndex(data.size(), i -> data.submitTime(i).isAfter(after)))
                .orElse(0);
        int hi = request.submitTimeBefore()
                .map(before -> EmulatorState.firstIndex(data.size(), i -> !data.submitTime(i).isBefore(before)))
                .orElse(data.size());
        hi = Math.max(lo, hi);
        long queryHash = request.queryHash();
        if (request.nextToken().isEmpty()) {
            return new Plan(request, data, queryHash, lo, hi, 0, Optional.empty());
        }
        PageToken token = PageToken.decode(request.nextToken().get(), data.fingerprint())
                .orElseThrow(() -> ApiError.validation(
                        "The nextToken is not valid: this service did not issue it for this data, or it was"
                                + " altered"));
        if (token.queryHash() != queryHash) {
            throw ApiError.validation("The nextToken belongs to another query: submitTimeAfter,"
                    + " submitTimeBefore, statusEquals, sortBy and sortOrder must be the same as in the request"
                    + " that returned it");
        }
        // The items before the token's key in the scan order were served already, whatever started since.
        PageToken.Position key = token.position();
        int start;
        if (request.ascending()) {
            int first = EmulatorState.firstIndex(data.size(), i -> position(data, i).compareTo(key) >= 0);
            start = Math.min(Math.max(first, lo), hi) - lo;
        } else {
            int firstAfter = EmulatorState.firstIndex(data.size(), i -> position(data, i).compareTo(key) > 0);
            start = hi - Math.min(Math.max(firstAfter, lo), hi);
        }
        return new Plan(request, data, queryHash, lo, hi, start, Optional.of(token));
    }

    private static PageToken.Position position(Dataset data, int index) {
        return PageToken.Position.of(data.submitTime(index), data.ordinal(index));
    }

    private byte[] page(Plan plan, Fault fault, String previousToken) {
        Dataset dataset = plan.data();
        int limit = plan.request().maxResults();
        int take = fault instanceof Fault.EmptyPageWithToken ? 0
                : fault instanceof Fault.OversizedPage oversized ? limit + oversized.extraItems()
                : limit;
        Optional<String> status = plan.request().statusEquals();
        IntPredicate matches = cursor -> status.isEmpty()
                || status.equals(dataset.get(plan.index(cursor)).status());

        List<Invocation> items = new ArrayList<>(Math.min(take, plan.length()));
        int cursor = plan.start();
        for (; cursor < plan.length() && items.size() < take; cursor++) {
            Invocation item = dataset.get(plan.index(cursor));
            if (status.isEmpty() || status.equals(item.status())) {
                items.add(item);
            }
        }
        while (cursor < plan.length() && !matches.test(cursor)) {
            cursor++;
        }
        // The token points at the next match, so the same position always yields the same token whatever the
        // page sizes before it: what makes CYCLE_TOKEN's A, B, A come out exact.
        Optional<PageToken> next = cursor < plan.length()
                ? Optional.of(new PageToken(plan.position(cursor), 0, plan.queryHash()))
                : Optional.empty();

        Optional<String> nextToken;
        if (fault instanceof Fault.RepeatToken) {
            nextToken = plan.request().nextToken();
        } else if (fault instanceof Fault.CycleToken) {
            nextToken = Optional.of(previousToken != null ? previousToken : plan.request().nextToken().orElseThrow());
        } else if (fault instanceof Fault.EmptyPageWithToken) {
            PageToken here = plan.token().orElseGet(() -> new PageToken(
                    plan.request().ascending() ? PageToken.Position.FIRST : PageToken.Position.LAST, 0,
                    plan.queryHash()));
            nextToken = Optional.of(here.nextVariant().encode(dataset.fingerprint()));
        } else {
            nextToken = next.map(token -> token.encode(dataset.fingerprint()));
        }
        return WireJson.page(items, nextToken);
    }

    private void getAsyncInvoke(Exchange exchange, String encodedArn) {
        String arn;
        try {
            // Percent-decoding, not form-decoding: a '+' in a path is a plus sign.
            arn = URLDecoder.decode(encodedArn.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            exchange.sendError(ApiError.validation("The invocationArn in the path is not validly percent-encoded"));
            return;
        }
        if (arn.isEmpty() || arn.length() > 2048 || !INVOCATION_ARN.matcher(arn).matches()) {
            String shown = arn.length() > 100 ? arn.substring(0, 100) + "..." : arn;
            exchange.sendError(ApiError.validation("1 validation error detected: Value '" + shown
                    + "' at 'invocationArn' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: " + INVOCATION_ARN_PATTERN));
            return;
        }
        Optional<Invocation> found = state.view().find(arn);
        if (found.isEmpty()) {
            // GetAsyncInvoke models no ResourceNotFoundException; a ValidationException is what the model allows.
            exchange.sendError(ApiError.validation("The invocationArn does not identify an asynchronous invocation"
                    + " in this account: " + arn));
            return;
        }
        exchange.send(200, Optional.empty(), WireJson.summary(found.get()));
    }

    private void record(String method, String path, Optional<String> rawQuery, Map<String, String> params,
            Optional<String> body, Fault fault) {
        requests.add(new RecordedRequest(method, path, rawQuery, params, body,
                fault == Fault.NONE ? Optional.empty() : Optional.of(fault)));
    }

    /** Waits until the configured latency has passed since the request {@code arrived} ({@link System#nanoTime}). */
    private void awaitLatency(long arrived) throws Closing {
        if (!latency.isZero()) {
            pause(latency.minusNanos(System.nanoTime() - arrived));
        }
    }

    /** Waits this long, not at all when it is zero or negative; the emulator's closing ends the wait. */
    private void pause(Duration duration) throws Closing {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        // Beyond 292 years in nanoseconds the stall is forever, which is what such a duration means.
        long nanos = duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) < 0 ? duration.toNanos() : Long.MAX_VALUE;
        try {
            if (closing.await(nanos, TimeUnit.NANOSECONDS)) {
                throw new Closing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closing();
        }
    }

    /** One request and the ways to answer it. */
    private static final class Exchange {
        final Request request;
        final Response response;
        final Callback callback;
        final String method;
        /** The path exactly as sent, still percent-encoded. */
        final String path;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.method = request.getMethod();
            this.path = request.getHttpURI().getPath();
        }

        /**
         * Waits for the end of a request whose body is not read (a GET's, empty): over HTTP/2 the SDK's async client
         * sends the end of the request in a frame after the headers, and a response before it arrives makes Jetty
         * reset a stream the client is still writing to, which fails the request on the client. What a body holds
         * is discarded; past {@value #DISCARDED_BODY_LIMIT} bytes the rest is left unread.
         */
        void awaitEnd() throws IOException {
            Content.Source.asInputStream(request).readNBytes(DISCARDED_BODY_LIMIT);
        }

        /**
         * Reads the request body, failing once it passes {@code limit} bytes, whether the request said how long it
         * is or not.
         */
        byte[] body(int limit) throws IOException, BodyTooLarge {
            long declared = request.getLength();
            if (declared > limit) {
                throw new BodyTooLarge();
            }
            byte[] body = Content.Source.asInputStream(request).readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLarge();
            }
            return body;
        }

        void sendError(ApiError error) {
            send(error.httpStatus(), Optional.of(error.errorType()), WireJson.error(error.getMessage()));
        }

        void send(int status, Optional<String> errorType, byte[] body) {
            headers(status, errorType, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        /** Promises the whole body, sends half, then drops the connection. */
        void sendTruncated(byte[] body) throws IOException {
            headers(200, Optional.empty(), body.length);
            OutputStream out = Content.Sink.asOutputStream(response);
            out.write(body, 0, body.length / 2);
            out.flush();
            drop();
        }

        /** Closes the connection with nothing more sent: no response, or the rest of one never comes. */
        void drop() {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.succeeded();
        }

        private void headers(int status, Optional<String> errorType, int length) {
            response.setStatus(status);
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.put(HttpHeader.CONTENT_LENGTH, length);
            headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
            errorType.ifPresent(type -> headers.put("x-amzn-ErrorType", type));
        }
    }

    /** Form-decodes a query string, as the service does ({@code +} is a space); the first of repeated names wins. */
    static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
