package io.github.asyncinvokelister.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the emulator to misbehave on one {@code ListAsyncInvokes} request, so clients' error handling, retries,
 * timeouts and paging safeguards can be tested. Script faults with {@link Faults#next}, draw them at random with
 * {@link Faults#rate}, or set either up front with {@link BedrockRuntimeEmulator.Builder}.
 *
 * <p>The cases are:
 * <ul>
 *   <li>{@link None} ({@link #NONE}): no fault; a placeholder in a script, to let a request through;</li>
 *   <li>{@link ServiceError}: an error response as the service sends it: {@link #THROTTLE} (429
 *       {@code ThrottlingException}), {@link #INTERNAL_ERROR} (500 {@code InternalServerException}),
 *       {@link #SERVICE_UNAVAILABLE} (503 {@code ServiceUnavailableException}), {@link #ACCESS_DENIED} (403
 *       {@code AccessDeniedException}), or any other;</li>
 *   <li>{@link Stall} ({@link #stall(Duration)}): wait, then answer normally, so timeouts can be tested;</li>
 *   <li>{@link ResetConnection} ({@link #RESET_CONNECTION}): close the connection without a response;</li>
 *   <li>{@link TruncatedBody} ({@link #TRUNCATED_BODY}): a 200 whose {@code Content-Length} promises more bytes
 *       than are sent before the connection closes;</li>
 *   <li>{@link MalformedBody} ({@link #MALFORMED_BODY}): a 200 whose body is not valid JSON;</li>
 *   <li>{@link RepeatToken} ({@link #REPEAT_TOKEN}): the page's {@code nextToken} is the request's own;</li>
 *   <li>{@link CycleToken} ({@link #CYCLE_TOKEN}): the page's {@code nextToken} is the one the client used a page
 *       before;</li>
 *   <li>{@link EmptyPageWithToken} ({@link #EMPTY_PAGE_WITH_TOKEN}): no items, and a new token for the same
 *       position;</li>
 *   <li>{@link OversizedPage} ({@link #OVERSIZED_PAGE}): more items than {@code maxResults} asked for;</li>
 *   <li>{@link CannedResponse} ({@link #respond(String)}): a response of the test's own, for what the other faults
 *       cannot say: a summary without a required member, a {@code nextToken} of {@code "None"}, a wrong type.</li>
 * </ul>
 * The faults that shape a 200 page (truncated and malformed bodies, repeated and cycling tokens, empty and oversized
 * pages) apply only to a request that passes validation: a request that
 * fails it uses up the fault, gets its {@code ValidationException} and is recorded without a fault. Every fault
 * served shows in {@link RecordedRequest#fault()}.
 *
 * <p>With its default retry policy the AWS SDK retries {@link #THROTTLE}, {@link #INTERNAL_ERROR},
 * {@link #SERVICE_UNAVAILABLE}, a reset connection, a truncated body and a malformed body, so one such fault
 * costs a retry, not a failure; build a client with retries off
 * ({@link BedrockRuntimeEmulator#clientBuilder()}) to see the fault itself.
 *
 * <pre>{@code
 * emu.faults().next(Fault.THROTTLE, Fault.NONE, Fault.CYCLE_TOKEN); // 1st request throttled, 3rd cycles
 * emu.faults().rate(Fault.INTERNAL_ERROR, 0.1, 7);                  // then 10% of requests fail, reproducibly
 * }</pre>
 */
public sealed interface Fault {

    /** No fault. */
    None NONE = new None();
    /** 429 {@code ThrottlingException}. */
    ServiceError THROTTLE = new ServiceError(429, "ThrottlingException",
            "Too many requests, please wait before trying again.");
    /** 500 {@code InternalServerException}. */
    ServiceError INTERNAL_ERROR = new ServiceError(500, "InternalServerException",
            "An internal server error occurred. Retry your request.");
    /** 503 {@code ServiceUnavailableException}. */
    ServiceError SERVICE_UNAVAILABLE = new ServiceError(503, "ServiceUnavailableException",
            "The service is temporarily unavailable. Try again later.");
    /** 403 {@code AccessDeniedException}. */
    ServiceError ACCESS_DENIED = new ServiceError(403, "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: bedrock:ListAsyncInvokes"
                    + " because no identity-based policy allows the bedrock:ListAsyncInvokes action");
    /** Close the connection without a response. */
    ResetConnection RESET_CONNECTION = new ResetConnection();
    /** Send part of the body, then close the connection. */
    TruncatedBody TRUNCATED_BODY = new TruncatedBody();
    /** Send a 200 with a body that is not JSON. */
    MalformedBody MALFORMED_BODY = new MalformedBody();
    /** Answer the page with the request's own {@code nextToken}. */
    RepeatToken REPEAT_TOKEN = new RepeatToken();
    /** Answer the page with the {@code nextToken} the client used a page before. */
    CycleToken CYCLE_TOKEN = new CycleToken();
    /** Answer with no items and a new token for the same position. */
    EmptyPageWithToken EMPTY_PAGE_WITH_TOKEN = new EmptyPageWithToken();
    /** Answer with three more items than {@code maxResults} asked for. */
    OversizedPage OVERSIZED_PAGE = new OversizedPage(3);

    /**
     * A stall: the response is held back this long, then sent normally.
     *
     * @param duration how long to wait, zero or more
     * @return the fault
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    static Stall stall(Duration duration) {
        return new Stall(duration);
    }

    /**
     * A 200 response with this body, whatever the request: the test's own page, exactly as written.
     *
     * <pre>{@code
     * emu.faults().next(Fault.respond("{\"asyncInvokeSummaries\": [{\"modelArn\": \"m\"}], \"nextToken\": \"None\"}"));
     * }</pre>
     *
     * @param body the JSON body
     * @return the fault
     * @throws NullPointerException if {@code body} is {@code null}
     */
    static CannedResponse respond(String body) {
        return new CannedResponse(200, body);
    }

    /** No fault: the request is served normally. Put it in a script to let a request through. */
    record None() implements Fault {
    }

    /**
     * An error response, exactly as the service sends one: {@code httpStatus}, the header
     * {@code x-amzn-ErrorType: errorType} and the body {@code {"message": message}}. The AWS SDK turns it into
     * the service's exception of that name.
     *
     * @param httpStatus the status, 400 to 599
     * @param errorType the exception's name, such as {@code "ThrottlingException"}
     * @param message the exception's message
     */
    record ServiceError(int httpStatus, String errorType, String message) implements Fault {
        /**
         * Validates the components.
         *
         * @param httpStatus the status, 400 to 599
         * @param errorType the exception's name, such as {@code "ThrottlingException"}
         * @param message the exception's message
         * @throws IllegalArgumentException if {@code httpStatus} is not 400 to 599 or {@code errorType} is blank
         */
        public ServiceError {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException("httpStatus must be 400 to 599: " + httpStatus);
            }
            if (errorType.isBlank()) {
                throw new IllegalArgumentException("errorType must not be blank: '" + errorType + "'");
            }
        }
    }

    /**
     * Holds the response back, then serves the request normally; on top of the emulator's
     * {@linkplain BedrockRuntimeEmulator.Builder#latency latency}.
     *
     * @param duration how long to wait
     */
    record Stall(Duration duration) implements Fault {
        /**
         * Validates the duration.
         *
         * @param duration how long to wait
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Stall {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + duration);
            }
        }
    }

    /**
     * Closes the connection without sending a response; the client sees an {@link java.io.IOException} (with
     * the AWS SDK's Apache client, {@code NoHttpResponseException}).
     */
    record ResetConnection() implements Fault {
    }

    /**
     * Sends status 200 and a {@code Content-Length} for the whole page, but only half of the body, then closes the
     * connection; the client sees the body end early.
     */
    record TruncatedBody() implements Fault {
    }

    /** Sends status 200 and a body that starts like the page but is not valid JSON. */
    record MalformedBody() implements Fault {
    }

    /**
     * Serves the page, but with the request's own {@code nextToken} as the response's: a client that follows it
     * asks for the same page forever. Not applied to a first page, which had no token to send back (any other
     * token would be one the client never saw, a loop no client could detect); that request is recorded without
     * a fault.
     */
    record RepeatToken() implements Fault {
    }

    /**
     * Serves the page, but with the {@code nextToken} of the emulator's previous request for the same query: on
     * the third page of a listing, the token that fetched the second page, so tokens A, B, then A again. When the
     * previous request had no token (on a second page) it sends back the request's own, as {@link RepeatToken};
     * like it, not applied to a first page.
     */
    record CycleToken() implements Fault {
    }

    /**
     * Serves no items, and a {@code nextToken} that continues where the request would have started. The token
     * differs from the request's (a counter in it goes up), so it is progress as far as the client can tell.
     */
    record EmptyPageWithToken() implements Fault {
    }

    /**
     * Serves {@code extraItems} more items than {@code maxResults} asked for (fewer if the listing ends first), with
     * a correct {@code nextToken} after them.
     *
     * @param extraItems how many items more than asked for, at least 1
     */
    record OversizedPage(int extraItems) implements Fault {
        /**
         * Validates the count.
         *
         * @param extraItems how many items more than asked for, at least 1
         * @throws IllegalArgumentException if {@code extraItems} is below 1
         */
        public OversizedPage {
            if (extraItems < 1) {
                throw new IllegalArgumentException("extraItems must be at least 1: " + extraItems);
            }
        }
    }

    /**
     * Answers the request with this status and JSON body, whatever the request was, without looking at it: not
     * validated, and with no page of the emulator's data. The request is recorded with the fault.
     *
     * @param httpStatus the status, 200 to 599
     * @param body the body, sent as {@code application/json}
     */
    record CannedResponse(int httpStatus, String body) implements Fault {
        /**
         * Validates the components.
         *
         * @param httpStatus the status, 200 to 599
         * @param body the body, sent as {@code application/json}
         * @throws NullPointerException if {@code body} is {@code null}
         * @throws IllegalArgumentException if {@code httpStatus} is outside 200 to 599
         */
        public CannedResponse {
            Objects.requireNonNull(body, "body");
            if (httpStatus < 200 || httpStatus > 599) {
                throw new IllegalArgumentException("httpStatus must be 200 to 599: " + httpStatus);
            }
        }
    }
}
