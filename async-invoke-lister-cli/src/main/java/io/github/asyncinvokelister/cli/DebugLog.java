package io.github.asyncinvokelister.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * {@code --debug}: each request and response as it goes over the wire, on standard error, every line starting
 * {@code debug:}. The signature and the session token are never shown: {@code Authorization} keeps only its
 * algorithm and the access key's scope is cut, and {@code X-Amz-Security-Token} is redacted. Values from the server
 * are shown {@linkplain TerminalSafe terminal-safe}.
 */
final class DebugLog implements ExecutionInterceptor {
    private static final Set<String> SECRET = Set.of("x-amz-security-token");

    private final PrintWriter err;

    DebugLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        SdkHttpRequest request = context.httpRequest();
        err.println("debug: request: " + request.method() + " " + TerminalSafe.text(request.getUri().toString()));
        headers(request.headers());
        err.flush();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
        err.println("debug: response: " + context.httpResponse().statusCode());
        headers(context.httpResponse().headers());
        err.flush();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty()) {
            return body;
        }
        byte[] bytes;
        try {
            bytes = body.get().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.println("debug: response body: " + TerminalSafe.text(new String(bytes, StandardCharsets.UTF_8)));
        err.flush();
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    private void headers(Map<String, List<String>> headers) {
        new TreeMap<>(headers).forEach((name, values) -> {
            for (String value : values) {
                err.println("debug:   " + name + ": " + TerminalSafe.text(shown(name, value)));
            }
        });
    }

    /** A header's value, or what of it may be shown. */
    static String shown(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET.contains(lower)) {
            return "(redacted)";
        }
        if (lower.equals("authorization")) {
            // "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=..., Signature=...":
            // the algorithm, the signed headers' names and the region say what was signed how, and are kept.
            int space = value.indexOf(' ');
            String algorithm = space < 0 ? value : value.substring(0, space);
            return algorithm + " (credential and signature redacted)";
        }
        return value;
    }
}
