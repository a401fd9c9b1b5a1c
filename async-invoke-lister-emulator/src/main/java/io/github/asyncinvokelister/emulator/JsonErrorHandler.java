package io.github.asyncinvokelister.emulator;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before the emulator's handler sees the request (a path it cannot decode, a request
 * line or headers too long, a malformed request), in the service's shape rather than an HTML page: the status, an
 * {@code x-amzn-ErrorType} header and {@code {"message": ...}}.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        byte[] body = WireJson.error(describe(code, message));
        response.setStatus(code);
        headers(response.getHeaders(), code, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void headers(HttpFields.Mutable headers, int status, int length) {
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.put("x-amzn-ErrorType", status == 404 ? "UnknownOperationException"
                : status >= 500 ? "InternalServerException" : "ValidationException");
    }

    private static String describe(int status, String reason) {
        return "BedrockRuntimeEmulator could not read the request (HTTP " + status
                + (reason == null || reason.isBlank() ? "" : ": " + reason) + ")";
    }
}
