package io.github.asyncinvokelister.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** The AWS CLI's global flags that shape the client, for every command that calls the service. */
final class ClientFlags {
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--endpoint-url", paramLabel = "<url>",
            description = "Call this URL instead of the region's endpoint.")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "<region>",
            description = "The region; else AWS_REGION, AWS_DEFAULT_REGION, or the profile's region.")
    private String region;

    @Option(names = "--profile", paramLabel = "<profile>",
            description = "The profile of the shared config and credentials files to use; else AWS_PROFILE. Its"
                    + " credentials beat the environment's keys, as in the AWS CLI.")
    private String profile;

    @Option(names = "--ca-bundle", paramLabel = "<file>",
            description = "PEM certificates to trust instead of the JDK's; else AWS_CA_BUNDLE or the profile's"
                    + " ca_bundle.")
    private Path caBundle;

    @Option(names = "--no-verify-ssl",
            description = "Check no certificate and no host name (a warning says so): anyone on the path can read and"
                    + " change the traffic.")
    private boolean noVerifySsl;

    @Option(names = "--debug",
            description = "Show each request and response on standard error; never a credential or a signature.")
    private boolean debug;

    @Option(names = "--cli-read-timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "The most seconds to wait for data on the socket; 0 for no limit. Default 60.")
    private int readTimeout;

    @Option(names = "--cli-connect-timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "The most seconds to wait for a connection; 0 for no limit. Default 60.")
    private int connectTimeout;

    /**
     * The flags, checked.
     *
     * @throws ParameterException naming the flag, for a bad one
     */
    ClientOptions options() {
        Optional<URI> endpoint = Optional.empty();
        if (endpointUrl != null) {
            String shown = withoutUserInfo(endpointUrl);
            URI uri;
            try {
                uri = new URI(endpointUrl);
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    throw new URISyntaxException(shown, "not an http or https URL with a host");
                }
            } catch (URISyntaxException e) {
                throw usage("--endpoint-url must be an http or https URL: " + TerminalSafe.text(shown));
            }
            if (uri.getRawUserInfo() != null) {
                // The SDK signs requests itself and sends no URL credentials; a password here would only be echoed.
                throw usage("--endpoint-url must not hold a user name or password: " + TerminalSafe.text(shown));
            }
            endpoint = Optional.of(uri);
        }
        if (region != null && (region.isBlank() || WHITESPACE.matcher(region).find())) {
            throw usage("--region must be a region name such as us-east-1: '" + region + "'");
        }
        if (readTimeout < 0) {
            throw usage("--cli-read-timeout must not be negative: " + readTimeout);
        }
        if (connectTimeout < 0) {
            throw usage("--cli-connect-timeout must not be negative: " + connectTimeout);
        }
        if (noVerifySsl) {
            spec.commandLine().getErr().println("warning: --no-verify-ssl: no certificate or host name is checked;"
                    + " anyone on the path can read and change the traffic");
        }
        return new ClientOptions(endpoint, Optional.ofNullable(region), Optional.ofNullable(profile),
                Duration.ofSeconds(readTimeout), Duration.ofSeconds(connectTimeout), Optional.ofNullable(caBundle),
                !noVerifySsl, debug ? Optional.of(spec.commandLine().getErr()) : Optional.empty());
    }

    /**
     * Builds the client: what goes wrong is a {@link ConfigurationException}, which the command line reports as one
     * line with {@link ExitCode#CONFIGURATION}.
     *
     * @param builder the builder, made from {@link #options()} (or the embedded emulator's)
     * @return the client
     * @throws ConfigurationException if the configuration is refused, or the SDK cannot build a client from it
     */
    BedrockRuntimeClient client(Supplier<BedrockRuntimeClientBuilder> builder) {
        try {
            return builder.get().build();
        } catch (SdkClientException e) {
            // Building resolves the region, the one setting that has no default.
            throw new ConfigurationException("error: " + (region == null ? "You must specify a region (--region,"
                    + " AWS_REGION or the profile's region): " : "") + ListCommand.oneLine(e.getMessage()));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A URL with anything between its {@code //} and an {@code @} (a user name and password) shown as {@code ***}. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("//[^/?#]*@", "//***@");
    }
}
