package io.github.asyncinvokelister.cli;

/**
 * A configuration the AWS CLI would refuse (an unknown profile, no region, no credentials), in its words: one line on
 * standard error and {@link ExitCode#CONFIGURATION}, before any request.
 */
final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
