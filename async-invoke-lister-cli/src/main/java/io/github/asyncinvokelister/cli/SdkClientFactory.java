package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.AsyncInvokeLister;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Clients as the AWS CLI sets them up, with its rules checked against AWS CLI 1.45.11:
 * <ul>
 *   <li>the profile is {@code --profile}, else {@code AWS_PROFILE}, else {@code default}; a profile named either way
 *       that neither the config nor the credentials file has is an error naming it;</li>
 *   <li>the region is {@code --region}, else {@code AWS_REGION} (as the SDKs and AWS CLI v2 read it), else
 *       {@code AWS_DEFAULT_REGION}, else the profile's {@code region}; with none it is an error;</li>
 *   <li>the credentials: with {@code --profile}, the profile's, then the container's and the instance's, but never
 *       the environment's, so that {@code --profile prod} cannot sign with another account's key; otherwise the
 *       environment's ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the
 *       profile's, the container's and the instance's. They are resolved before any request, and none is an
 *       error.</li>
 * </ul>
 * Certificates are the JDK's, or those of {@code --ca-bundle}, else {@code AWS_CA_BUNDLE}, else the profile's
 * {@code ca_bundle} (a PEM file, trusted instead of the JDK's); {@code --no-verify-ssl} checks none, nor the host name.
 * Those errors are {@link ConfigurationException}s with the AWS CLI's words. The endpoint is {@code --endpoint-url};
 * read and connect timeouts are in seconds, 0 for none. Beyond the AWS CLI's, which has none, a request with its
 * retries is cut off after {@link #DEFAULT_REQUEST_TIMEOUT} (the library's own default), so a server that sends a
 * byte a second, or asks for retries without end, cannot keep the tool running for ever.
 */
final class SdkClientFactory implements ClientFactory {
    /** How long one request, its retries included, may take. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = AsyncInvokeLister.Builder.DEFAULT_API_CALL_TIMEOUT;
    static final String NO_REGION = "You must specify a region. You can also configure your region by running"
            + " \"aws configure\".";
    static final String NO_CREDENTIALS = "Unable to locate credentials. You can configure credentials by running"
            + " \"aws configure\".";

    /** Fixed credentials for tests, or {@code null} to resolve them as the AWS CLI does. */
    private final AwsCredentialsProvider credentials;
    private final Duration requestTimeout;
    private final Function<String, String> environment;
    private final Supplier<ProfileFile> profiles;
    /** The container's and the instance's credentials, after the profile's. */
    private final Supplier<List<AwsCredentialsProvider>> remote;

    /** As the AWS CLI resolves everything. */
    SdkClientFactory() {
        this(null);
    }

    /**
     * With fixed credentials, or the AWS CLI's for {@code null}, and this bound on a request with its retries.
     *
     * @param credentials the credentials, or {@code null} to resolve them
     * @param requestTimeout how long a request, its retries included, may take
     */
    SdkClientFactory(AwsCredentialsProvider credentials, Duration requestTimeout) {
        this(credentials, requestTimeout, System::getenv, ProfileFile::defaultProfileFile,
                () -> List.of(ContainerCredentialsProvider.builder().build(),
                        InstanceProfileCredentialsProvider.builder().build()));
    }

    /**
     * With fixed credentials instead of resolving them, so tests need no environment.
     *
     * @param credentials the credentials, or {@code null} to resolve them
     */
    SdkClientFactory(AwsCredentialsProvider credentials) {
        this(credentials, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * With the environment, the profile files and the remote credential sources a test gives.
     *
     * @param credentials fixed credentials, or {@code null} to resolve them
     * @param requestTimeout how long a request, its retries included, may take
     * @param environment the environment's variables, {@code null} for one not set
     * @param profiles the config and credentials files, read when a client is made
     * @param remote the container's and the instance's credential providers
     */
    SdkClientFactory(AwsCredentialsProvider credentials, Duration requestTimeout,
            Function<String, String> environment, Supplier<ProfileFile> profiles,
            Supplier<List<AwsCredentialsProvider>> remote) {
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.environment = environment;
        this.profiles = profiles;
        this.remote = remote;
    }

    // The project standardises on apache-client, which SDK 2.57 deprecates in favour of apache5-client.
    @SuppressWarnings("deprecation")
    @Override
    public BedrockRuntimeClientBuilder builder(ClientOptions options) {
        ProfileFile profileFile;
        try {
            profileFile = profiles.get();
        } catch (RuntimeException e) {
            // The AWS CLI stops with a traceback ending "Unable to parse config file: <path>"; one line here.
            throw new ConfigurationException("Unable to parse the config or credentials file: "
                    + ListCommand.oneLine(e.getMessage()));
        }
        Optional<String> named = options.profile().or(() -> env("AWS_PROFILE"));
        named.ifPresent(name -> {
            if (profileFile.profile(name).isEmpty()) {
                throw new ConfigurationException("The config profile (" + name + ") could not be found");
            }
        });
        String profileName = named.orElse(ProfileFileSystemSetting.AWS_PROFILE.defaultValue());
        Optional<Profile> profile = profileFile.profile(profileName);
        Region region = options.region().or(() -> env("AWS_REGION")).or(() -> env("AWS_DEFAULT_REGION"))
                .or(() -> profile.flatMap(p -> p.property("region")))
                .map(Region::of).orElseThrow(() -> new ConfigurationException(NO_REGION));

        // Apache's 0 is "no timeout", as the AWS CLI's is.
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .socketTimeout(options.readTimeout())
                .connectionTimeout(options.connectTimeout());
        Optional<Path> caBundle = options.caBundle().or(() -> env("AWS_CA_BUNDLE").map(Path::of))
                .or(() -> profile.flatMap(p -> p.property("ca_bundle")).map(Path::of));
        if (caBundle.isPresent()) {
            TrustManager[] trusted = trustManagers(caBundle.get());
            http.tlsTrustManagersProvider(() -> trusted);
        }
        // Without verification, the host name is not checked either, as the AWS CLI's --no-verify-ssl does not.
        AttributeMap trustAll = AttributeMap.builder()
                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build();
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .httpClientBuilder(options.verifySsl() ? http
                        : serviceDefaults -> http.buildWithDefaults(trustAll.merge(serviceDefaults)))
                .region(region)
                .credentialsProvider(credentials != null ? credentials
                        : resolved(options.profile().isPresent(), profileFile, profileName));
        options.endpointUrl().ifPresent(builder::endpointOverride);
        // The profile's other settings (retry mode, say) come from the same profile. One override for all: a second
        // call would replace the first.
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(requestTimeout);
            options.debugLog().ifPresent(log -> o.addExecutionInterceptor(new DebugLog(log)));
            o.defaultProfileFile(profileFile);
            o.defaultProfileName(profileName);
        });
        return builder;
    }

    /** The credentials, resolved now, so that their absence is one line before any request. */
    private AwsCredentialsProvider resolved(boolean profileGiven, ProfileFile profileFile, String profileName) {
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        if (!profileGiven) {
            Optional<String> keyId = env("AWS_ACCESS_KEY_ID");
            Optional<String> secret = env("AWS_SECRET_ACCESS_KEY");
            if (keyId.isPresent() && secret.isPresent()) {
                Optional<String> token = env("AWS_SESSION_TOKEN");
                chain.add(StaticCredentialsProvider.create(token.isPresent()
                        ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                        : AwsBasicCredentials.create(keyId.get(), secret.get())));
            }
        }
        if (profileFile.profile(profileName).isPresent()) {
            chain.add(ProfileCredentialsProvider.builder().profileFile(profileFile).profileName(profileName).build());
        }
        chain.addAll(remote.get());
        if (chain.isEmpty()) {
            throw new ConfigurationException(NO_CREDENTIALS);
        }
        AwsCredentialsProvider provider = AwsCredentialsProviderChain.builder().credentialsProviders(chain)
                .reuseLastProviderEnabled(true).build();
        try {
            provider.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ConfigurationException(NO_CREDENTIALS);
        }
        return provider;
    }

    /** Trust in the certificates of a PEM bundle, and in them only, as the AWS CLI's {@code ca_bundle}. */
    private static TrustManager[] trustManagers(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new ConfigurationException("Could not read the CA bundle " + bundle
                        + ": it holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Could not read the CA bundle " + bundle + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
    }
}
