package io.github.asyncinvokelister.emulator;

/**
 * An error response as the service sends it: an HTTP status, the {@code x-amzn-ErrorType} header and a
 * {@code {"message": ...}} body. Thrown inside the emulator to abandon a request; never escapes it.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorType;

    ApiError(int httpStatus, String errorType, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorType = errorType;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message);
    }

    int httpStatus() {
        return httpStatus;
    }

    String errorType() {
        return errorType;
    }
}
