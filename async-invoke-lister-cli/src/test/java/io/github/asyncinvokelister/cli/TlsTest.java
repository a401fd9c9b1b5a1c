package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * {@code --ca-bundle}, {@code AWS_CA_BUNDLE}, a profile's {@code ca_bundle} and {@code --no-verify-ssl}, against an
 * HTTPS server on 127.0.0.1 whose certificate is self-signed (made with the JDK's keytool for the test), as behind a
 * TLS-inspecting proxy. The outcomes are those of AWS CLI 1.45.11 with the same server and flags, but for a bundle that
 * cannot be read, which the AWS CLI reports at the request and this tool before it, with exit 253.
 */
class TlsTest {
    private static final String PASSWORD = "changeit";
    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret");

    @TempDir
    static Path dir;
    private static Path certificate;
    private static HttpsServer server;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "{\"asyncInvokeSummaries\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        REQUESTS.set(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Cli.Run run(Map<String, String> environment, String config, String... flags) {
        ProfileFile files = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION).content(config).build();
        SdkClientFactory factory = new SdkClientFactory(null, Duration.ofSeconds(30), environment::get, () -> files,
                List::of);
        List<String> args = new java.util.ArrayList<>(List.of("list-async-invokes", "--endpoint-url",
                "https://127.0.0.1:" + server.getAddress().getPort(), "--region", "us-east-1"));
        args.addAll(List.of(flags));
        return Cli.run(new Dependencies(factory, () -> false, running -> { }), args.toArray(String[]::new));
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> environment = new HashMap<>(KEYS);
        environment.put(name, value);
        return environment;
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        Cli.Run run = run(KEYS, "");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OTHER_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1).first().asString().containsIgnoringCase("certification");
    }

    @Test
    void aBundleFromTheFlagTheEnvironmentOrTheProfileIsTrusted() {
        Cli.Run flag = run(KEYS, "", "--ca-bundle", certificate.toString());
        Cli.Run variable = run(with("AWS_CA_BUNDLE", certificate.toString()), "");
        Cli.Run profile = run(KEYS, "[default]\nca_bundle = " + certificate + "\n");
        Cli.Run flagBeatsABadVariable = run(with("AWS_CA_BUNDLE", dir.resolve("none.pem").toString()), "",
                "--ca-bundle", certificate.toString());

        for (Cli.Run run : List.of(flag, variable, profile, flagBeatsABadVariable)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"asyncInvokeSummaries\": []");
        }
        assertThat(REQUESTS).hasValue(4);
    }

    @Test
    void noVerifySslTrustsAnyCertificateAndSaysSo() {
        Cli.Run run = run(KEYS, "", "--no-verify-ssl");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"asyncInvokeSummaries\": []");
        assertThat(run.err().lines()).singleElement().asString().startsWith("warning: --no-verify-ssl");
    }

    @Test
    void aBundleThatCannotBeReadIsOneLineBeforeAnyRequest() throws IOException {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate\n");

        Cli.Run missing = run(KEYS, "", "--ca-bundle", dir.resolve("none.pem").toString());
        Cli.Run garbage = run(with("AWS_CA_BUNDLE", notPem.toString()), "");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(missing.err()).isEqualTo("Could not read the CA bundle " + dir.resolve("none.pem")
                + ": no such file\n");
        assertThat(garbage.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(garbage.err().lines()).singleElement().asString().startsWith("Could not read the CA bundle "
                + notPem);
        assertThat(REQUESTS).hasValue(0);
    }
}
