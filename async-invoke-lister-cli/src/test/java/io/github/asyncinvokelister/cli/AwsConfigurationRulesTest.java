package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profile, region and credentials rules, each checked against AWS CLI 1.45.11 by hand with the same files and
 * environment (the expected outcomes below are what it did), over a local server that records the access key and
 * region each request is signed with.
 */
class AwsConfigurationRulesTest {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/\\d{8}/([a-z0-9-]+)/");
    private static final String CONFIG = "[profile prod]\nregion = eu-west-1\n[profile other]\nregion = us-west-2\n";
    private static final String CREDENTIALS = "[prod]\naws_access_key_id = AKIAPRODPRODPROD0001\n"
            + "aws_secret_access_key = s1\n[other]\naws_access_key_id = AKIAOTHEROTHER000002\n"
            + "aws_secret_access_key = s2\n[default]\naws_access_key_id = AKIADEFAULTDEFAULT03\n"
            + "aws_secret_access_key = s3\n";
    private static final Map<String, String> ENV_KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIAENVENVENVENV0004",
            "AWS_SECRET_ACCESS_KEY", "s4");

    private HttpServer server;
    /** Each request's signing key and region, as "KEY region". */
    private final List<String> signedWith = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher credential = CREDENTIAL.matcher(authorization == null ? "" : authorization);
            signedWith.add(credential.find() ? credential.group(1) + " " + credential.group(2) : "unsigned");
            byte[] body = "{\"asyncInvokeSummaries\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Cli.Run run(Map<String, String> environment, List<AwsCredentialsProvider> remote, String... flags) {
        ProfileFile files = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION).content(CONFIG).build())
                .addFile(ProfileFile.builder().type(ProfileFile.Type.CREDENTIALS).content(CREDENTIALS).build())
                .build();
        return run(environment, files, remote, flags);
    }

    private Cli.Run run(Map<String, String> environment, ProfileFile files, List<AwsCredentialsProvider> remote,
            String... flags) {
        SdkClientFactory factory = new SdkClientFactory(null, Duration.ofSeconds(30), environment::get, () -> files,
                () -> remote);
        String[] args = new String[flags.length + 3];
        args[0] = "list-async-invokes";
        args[1] = "--endpoint-url";
        args[2] = "http://127.0.0.1:" + server.getAddress().getPort();
        System.arraycopy(flags, 0, args, 3, flags.length);
        return Cli.run(new Dependencies(factory, () -> false, running -> { }), args);
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> environment = new HashMap<>(base);
        environment.put(name, value);
        return environment;
    }

    @Test
    void profileFlagBeatsTheEnvironmentsKeys() {
        Cli.Run run = run(ENV_KEYS, List.of(), "--profile", "prod", "--region", "us-east-1");

        assertThat(run.exitCode()).isZero();
        assertThat(signedWith).containsExactly("AKIAPRODPRODPROD0001 us-east-1");
    }

    @Test
    void awsProfileDoesNotBeatTheEnvironmentsKeys() {
        Cli.Run run = run(with(ENV_KEYS, "AWS_PROFILE", "prod"), List.of(), "--region", "us-east-1");

        assertThat(run.exitCode()).isZero();
        assertThat(signedWith).containsExactly("AKIAENVENVENVENV0004 us-east-1");
    }

    @Test
    void withoutKeysInTheEnvironmentTheProfilesAreSigning() {
        Cli.Run named = run(Map.of("AWS_PROFILE", "other"), List.of(), "--region", "us-east-1");
        Cli.Run byDefault = run(Map.of(), List.of(), "--region", "us-east-1");

        assertThat(named.exitCode()).isZero();
        assertThat(byDefault.exitCode()).isZero();
        assertThat(signedWith).containsExactly("AKIAOTHEROTHER000002 us-east-1", "AKIADEFAULTDEFAULT03 us-east-1");
    }

    @Test
    void anUnknownProfileIsAnErrorNamingIt() {
        Cli.Run flag = run(ENV_KEYS, List.of(), "--profile", "nosuch", "--region", "us-east-1");
        Cli.Run variable = run(with(ENV_KEYS, "AWS_PROFILE", "nosuch"), List.of(), "--region", "us-east-1");

        for (Cli.Run run : List.of(flag, variable)) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
            assertThat(run.err()).isEqualTo("The config profile (nosuch) could not be found\n");
            assertThat(run.out()).isEmpty();
        }
        assertThat(signedWith).isEmpty();
    }

    @Test
    void theRegionComesFromTheFlagTheEnvironmentOrTheProfileInThatOrder() {
        run(ENV_KEYS, List.of(), "--profile", "prod");
        run(with(ENV_KEYS, "AWS_DEFAULT_REGION", "eu-central-1"), List.of());
        run(with(with(ENV_KEYS, "AWS_DEFAULT_REGION", "eu-central-1"), "AWS_REGION", "ap-south-1"), List.of());
        run(with(ENV_KEYS, "AWS_REGION", "ap-south-1"), List.of(), "--region", "sa-east-1");

        assertThat(signedWith).containsExactly("AKIAPRODPRODPROD0001 eu-west-1", "AKIAENVENVENVENV0004 eu-central-1",
                "AKIAENVENVENVENV0004 ap-south-1", "AKIAENVENVENVENV0004 sa-east-1");
    }

    @Test
    void noRegionIsOneLineWithTheConfigurationExitCode() {
        Cli.Run run = run(ENV_KEYS, List.of());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).isEqualTo(SdkClientFactory.NO_REGION + "\n");
        assertThat(signedWith).isEmpty();
    }

    @Test
    void aConfigFileThatCannotBeParsedIsOneLineWithTheConfigurationExitCode() {
        SdkClientFactory factory = new SdkClientFactory(null, Duration.ofSeconds(30), ENV_KEYS::get,
                () -> ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION).content("[profile prod\n").build(),
                List::of);

        Cli.Run run = Cli.run(new Dependencies(factory, () -> false, running -> { }), "list-async-invokes",
                "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Unable to parse the config or credentials file: ").contains("line 1");
        assertThat(signedWith).isEmpty();
    }

    @Test
    void noCredentialsIsOneLineWithTheConfigurationExitCode() {
        ProfileFile none = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION).content("").build();
        Cli.Run run = run(Map.of(), none, List.of(), "--region", "us-east-1");
        Cli.Run remoteFails = run(Map.of(), none, List.of(() -> {
            throw software.amazon.awssdk.core.exception.SdkClientException.create("no instance metadata here");
        }), "--region", "us-east-1");

        for (Cli.Run failed : List.of(run, remoteFails)) {
            assertThat(failed.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
            assertThat(failed.err()).isEqualTo(SdkClientFactory.NO_CREDENTIALS + "\n");
        }
        assertThat(signedWith).isEmpty();
    }
}
