package io.github.asyncinvokelister.cli;

/**
 * The process exit codes: the AWS CLI version 2's documented return codes, so scripts written for it read ours the
 * same way. (Version 1 exits 255 for nearly every error, and 2 for some parse errors.)
 */
final class ExitCode {
    /** Success. */
    static final int OK = 0;
    /** A flag was unknown, malformed or out of range, or flags contradict each other; no request was made. */
    static final int USAGE = 252;
    /** The environment or configuration is invalid, such as no region anywhere. */
    static final int CONFIGURATION = 253;
    /** The service answered with an error. */
    static final int SERVICE_ERROR = 254;
    /** Anything else: the network, a response the SDK could not read, a broken paging protocol. */
    static final int OTHER_ERROR = 255;

    private ExitCode() {
    }
}
