package io.github.asyncinvokelister.emulator;

import static io.github.asyncinvokelister.emulator.SdkSummaries.fromSdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Tag;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** {@code StartAsyncInvoke}, and started invocations over time, through the AWS SDK over real HTTP. */
class StartAsyncInvokeTest {
    private static final Instant T0 = Instant.parse("2025-06-01T09:00:00Z");
    private static final String REEL = "amazon.nova-reel-v1:1";
    private static final Pattern ARN = Pattern.compile("arn:aws:bedrock:us-east-1:123456789012:async-invoke/[a-z0-9]{12}");
    private static final Document INPUT = Document.fromMap(Map.of(
            "taskType", Document.fromString("TEXT_VIDEO"),
            "textToVideoParams", Document.fromMap(Map.of("text", Document.fromString("a lighthouse at dawn"))),
            "videoGenerationConfig", Document.fromMap(Map.of("durationSeconds", Document.fromNumber(6)))));

    private final ManualClock clock = ManualClock.at(T0);
    private BedrockRuntimeEmulator emu;
    private BedrockRuntimeClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        emu = BedrockRuntimeEmulator.builder().clock(clock).generated(50, 3)
                .lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(3)))
                .lifecycle("luma.ray-v2:0", Lifecycle.failsAfter(Duration.ofSeconds(40), "Internal server error."))
                .start();
        client = emu.client();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** A request that starts a Nova Reel video into {@code s3://bkt/p}. */
    static StartAsyncInvokeRequest sample() {
        return StartAsyncInvokeRequest.builder().modelId(REEL).modelInput(INPUT)
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p"))).build();
    }

    private String startJob(Consumer<StartAsyncInvokeRequest.Builder> more) {
        return client.startAsyncInvoke(r -> {
            r.modelId(REEL).modelInput(INPUT)
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://my-bucket/videos/")));
            more.accept(r);
        }).invocationArn();
    }

    private String startJob() {
        return startJob(r -> { });
    }

    private Invocation get(String arn) {
        return fromSdk(client.getAsyncInvoke(r -> r.invocationArn(arn)));
    }

    private List<Invocation> listAll(String sortOrder, Optional<String> status) {
        return client.listAsyncInvokesPaginator(r -> r.sortOrder(sortOrder).maxResults(7)
                        .statusEquals(status.orElse(null)))
                .asyncInvokeSummaries().stream().map(SdkSummaries::fromSdk).toList();
    }

    @Test
    void aStartedInvocationIsInProgressWithTheServicesArnAndOutputFolder() {
        clock.advance(Duration.ofNanos(1_234_567));
        String arn = startJob(r -> r.clientRequestToken("token-1"));

        assertThat(arn).matches(ARN);
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        GetAsyncInvokeResponse got = client.getAsyncInvoke(r -> r.invocationArn(arn));
        assertThat(got.status()).isEqualTo(AsyncInvokeStatus.IN_PROGRESS);
        assertThat(got.statusAsString()).isEqualTo("InProgress");
        // The service's timestamps carry milliseconds.
        assertThat(got.submitTime()).isEqualTo(Instant.parse("2025-06-01T09:00:00.001Z"));
        assertThat(got.lastModifiedTime()).isEqualTo(got.submitTime());
        assertThat(got.endTime()).isNull();
        assertThat(got.failureMessage()).isNull();
        assertThat(got.clientRequestToken()).isEqualTo("token-1");
        assertThat(got.modelArn()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + REEL);
        assertThat(got.outputDataConfig().s3OutputDataConfig().s3Uri()).isEqualTo("s3://my-bucket/videos/" + id);
        assertThat(emu.startedInvocations()).containsExactly(fromSdk(got));
        assertThat(emu.invocation(arn)).contains(fromSdk(got));
    }

    @Test
    void aModelArnIsKeptAndTheKmsKeyAndBucketOwnerCarryOver() {
        String model = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-reel-v1:1";
        String key = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d";
        String arn = client.startAsyncInvoke(r -> r.modelId(model).modelInput(INPUT)
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://out-bucket").kmsKeyId(key)
                        .bucketOwner("210987654321")))).invocationArn();

        Invocation started = get(arn);
        assertThat(started.modelArn()).isEqualTo(model);
        assertThat(started.outputDataConfig()).isEqualTo(new Invocation.S3Output(
                "s3://out-bucket/" + arn.substring(arn.lastIndexOf('/') + 1), Optional.of(key),
                Optional.of("210987654321")));
    }

    @Test
    void anInvocationCompletesWhenTheClockPassesItsLifecycle() {
        String arn = startJob();
        Instant submitted = get(arn).submitTime();

        clock.advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(get(arn).status()).contains("InProgress");

        clock.advance(Duration.ofMillis(1));
        Invocation done = get(arn);
        assertThat(done.status()).contains("Completed");
        assertThat(done.endTime()).contains(submitted.plus(Duration.ofMinutes(3)));
        assertThat(done.lastModifiedTime()).isEqualTo(done.endTime());
        assertThat(done.failureMessage()).isEmpty();
        // The listing shows the same state as Get.
        assertThat(listAll("Descending", Optional.of("Completed"))).contains(done);
        assertThat(listAll("Descending", Optional.of("InProgress"))).extracting(Invocation::invocationArn)
                .doesNotContain(arn);
    }

    @Test
    void aModelsOwnLifecycleFailsItsInvocationsWithTheMessage() {
        String arn = startJob(r -> r.modelId("luma.ray-v2:0"));

        clock.advance(Duration.ofSeconds(40));
        Invocation failed = get(arn);
        assertThat(failed.status()).contains("Failed");
        assertThat(failed.failureMessage()).contains("Internal server error.");
        assertThat(failed.endTime()).contains(failed.submitTime().plusSeconds(40));
    }

    @Test
    void aSplitSendsTheSameShareTheSameWayOnEveryRun() {
        List<String> first = outcomes();
        List<String> second = outcomes();

        assertThat(first).isEqualTo(second);
        long failed = first.stream().filter("Failed"::equals).count();
        assertThat(failed).isBetween(60L, 140L);
        assertThat(first).containsOnly("Completed", "Failed");
    }

    private List<String> outcomes() {
        ManualClock own = ManualClock.at(T0);
        try (BedrockRuntimeEmulator split = BedrockRuntimeEmulator.builder().clock(own)
                .lifecycle(Lifecycle.split(0.5, Lifecycle.failsAfter(Duration.ofSeconds(10), "blocked"),
                        Lifecycle.completesAfter(Duration.ofSeconds(20))))
                .start()) {
            BedrockRuntimeClient other = split.client();
            for (int i = 0; i < 200; i++) {
                other.startAsyncInvoke(r -> r.modelId(REEL).modelInput(INPUT)
                        .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p"))));
            }
            own.advance(Duration.ofSeconds(20));
            return split.startedInvocations().stream().map(i -> i.status().orElseThrow()).toList();
        }
    }

    @Test
    void aTestEndsAnInvocationThatRunsUntilEnded() {
        emu.lifecycle(REEL, Lifecycle.runsUntilEnded());
        String completes = startJob();
        String fails = startJob();

        clock.advance(Duration.ofDays(400));
        assertThat(get(completes).status()).contains("InProgress");
        emu.complete(completes);
        clock.advance(Duration.ofSeconds(1));
        emu.fail(fails, "The output bucket does not exist.");

        assertThat(get(completes).status()).contains("Completed");
        assertThat(get(completes).endTime()).contains(T0.plus(Duration.ofDays(400)));
        assertThat(get(fails).failureMessage()).contains("The output bucket does not exist.");
        assertThatThrownBy(() -> emu.complete(fails)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already ended").hasMessageContaining("Failed");
        assertThatThrownBy(() -> emu.fail(emu.invocations().get(0).invocationArn(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StartAsyncInvoke");
        assertThatThrownBy(() -> emu.fail(completes, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameTokenAndParametersGiveTheSameInvocation() {
        String first = startJob(r -> r.clientRequestToken("retry-me").tags(Tag.builder().key("team").value("a")
                .build()));
        clock.advance(Duration.ofMinutes(10));
        String again = startJob(r -> r.clientRequestToken("retry-me").tags(Tag.builder().key("team").value("a")
                .build()));

        assertThat(again).isEqualTo(first);
        assertThat(emu.startedInvocations()).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneRequestStartOneInvocation() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> arns = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String token = "racing-" + (i % 4);
                arns.add(pool.submit(() -> startJob(r -> r.clientRequestToken(token))));
            }
            Set<String> distinct = new HashSet<>();
            for (java.util.concurrent.Future<String> arn : arns) {
                distinct.add(arn.get());
            }
            assertThat(distinct).hasSize(4);
            assertThat(emu.startedInvocations()).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameTokenWithOtherParametersIsAConflict() {
        startJob(r -> r.clientRequestToken("once"));

        assertThatThrownBy(() -> startJob(r -> r.clientRequestToken("once").modelInput(Document.fromMap(Map.of(
                "taskType", Document.fromString("TEXT_VIDEO"))))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("clientRequestToken").doesNotContain("once");
                });
        assertThatThrownBy(() -> startJob(r -> r.clientRequestToken("once").tags(Tag.builder().key("k").value("v")
                .build()))).isInstanceOf(ConflictException.class);
        assertThat(emu.startedInvocations()).hasSize(1);
    }

    @Test
    void membersInAnotherOrderAreTheSameParameters() throws Exception {
        String body = "{\"clientRequestToken\":\"t\",\"modelId\":\"" + REEL + "\",\"modelInput\":{\"a\":1,\"b\":[true,"
                + "null]},\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://bkt/p\"}}}";
        String reordered = "{\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://bkt/p\"}},\"modelInput\":"
                + "{\"b\":[true,null],\"a\":1},\"modelId\":\"" + REEL + "\",\"clientRequestToken\":\"t\"}";
        String otherNumber = body.replace("\"a\":1", "\"a\":1.0");

        HttpResponse<String> first = post(body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(post(reordered).body()).isEqualTo(first.body());
        assertThat(post(otherNumber).headers().firstValue("x-amzn-ErrorType")).contains("ConflictException");
    }

    @Test
    void withoutATokenEveryRequestStartsAnInvocation() throws Exception {
        String body = "{\"modelId\":\"" + REEL + "\",\"modelInput\":{},\"outputDataConfig\":{\"s3OutputDataConfig\":"
                + "{\"s3Uri\":\"s3://bkt/p\"}}}";

        assertThat(post(body).body()).isNotEqualTo(post(body).body());
        assertThat(emu.startedInvocations()).hasSize(2).allSatisfy(i -> assertThat(i.clientRequestToken()).isEmpty());
    }

    @Test
    void theRequestBodyIsRecordedButNotPrinted() {
        startJob();

        RecordedRequest request = emu.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).hasValueSatisfying(body -> assertThat(body).contains("a lighthouse at dawn"));
        assertThat(request.toString()).doesNotContain("lighthouse").contains("characters");
    }

    @Test
    void badParametersAreValidationErrorsNamingEachMember() {
        assertThatThrownBy(() -> startJob(r -> r.modelId("bad model!")
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("http://not-s3/")))
                .tags(Tag.builder().key("").value("v").build(), Tag.builder().key("k").value("no#hash").build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("4 validation errors detected: ")
                        .contains("Value 'bad model!' at 'modelId' failed to satisfy constraint: Member must satisfy"
                                + " regular expression pattern: [a-zA-Z_\\.\\-/0-9:]+")
                        .contains("at 'outputDataConfig.s3OutputDataConfig.s3Uri'")
                        .contains("at 'tags.1.member.key' failed to satisfy constraint: Member must have length"
                                + " greater than or equal to 1")
                        .contains("Value 'no#hash' at 'tags.2.member.value'"));
        assertThat(emu.startedInvocations()).isEmpty();
    }

    @Test
    void lengthsAndTheOtherMembersAreChecked() {
        List<Tag> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(Tag.builder().key("k" + i).value("v").build());
        }
        String longToken = "t".repeat(257);

        assertThatThrownBy(() -> startJob(r -> r.modelId("m".repeat(257)).tags(tooMany).clientRequestToken(longToken)
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bucket/p").kmsKeyId("not-a-key")
                        .bucketOwner("12345")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("5 validation errors detected: ")
                        .contains("at 'modelId' failed to satisfy constraint: Member must have length less than or"
                                + " equal to 256")
                        .contains("Value at 'tags' failed to satisfy constraint: Member must have length less than or"
                                + " equal to 200")
                        .contains("Value 'not-a-key' at 'outputDataConfig.s3OutputDataConfig.kmsKeyId'")
                        .contains("Value '12345' at 'outputDataConfig.s3OutputDataConfig.bucketOwner'")
                        .contains("Value at 'clientRequestToken' failed to satisfy constraint: Member must have length"
                                + " less than or equal to 256")
                        .doesNotContain(longToken));
    }

    @Test
    void missingMembersAreNamed() throws Exception {
        HttpResponse<String> response = post("{\"outputDataConfig\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(response.body()).contains("3 validation errors detected")
                .contains("Value null at 'modelId' failed to satisfy constraint: Member must not be null")
                .contains("Value null at 'modelInput'")
                .contains("Value null at 'outputDataConfig.s3OutputDataConfig'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"modelId\":\"\u00ff\"", "[1]", "{\"modelId\":7,\"modelInput\":\"secret prompt\"}",
        "{\"modelId\":\"m\",\"modelInput\":\"secret prompt\"} {}", "{\"modelInput\":\"secret prompt\",\"modelInput\":1}",
        "{\"modelId\":\"m\",\"modelInput\":{\"p\":\"secret prompt\"},\"outputDataConfig\":[]}",
        "{\"modelId\":\"m\",\"modelInput\":1,\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://bb/\"}},"
                + "\"tags\":{}}",
        "{\"modelId\":\"m\",\"modelInput\":\"secret prompt"})
    void aBodyThatIsNotTheRequestsJsonIsASerializationErrorThatDoesNotQuoteIt(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(response.body()).startsWith("{\"message\":\"").doesNotContain("secret");
        assertThat(emu.startedInvocations()).isEmpty();
    }

    @Test
    void bodiesNestedOrLongBeyondTheParsersLimitsAreSerializationErrors() throws Exception {
        for (String body : List.of("[".repeat(5000), "{\"modelInput\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
                "{\"modelId\":\"m\",\"modelInput\":1" + "1".repeat(2000) + "}")) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        }
    }

    /**
     * Bodies made from valid ones by cutting, flipping and splicing bytes: every answer is the service's JSON error
     * or a start, never a 5xx, and no error quotes the model input.
     */
    @Test
    void mangledBodiesGetAnErrorInTheServicesShapeThatNeverQuotesTheInput() throws Exception {
        String valid = "{\"modelId\":\"" + REEL + "\",\"modelInput\":{\"prompt\":\"SECRET-PROMPT\",\"n\":[1,2.5,true,"
                + "null]},\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://bkt/p\",\"bucketOwner\":"
                + "\"123456789012\"}},\"tags\":[{\"key\":\"k\",\"value\":\"v\"}],\"clientRequestToken\":\"tok\"}";
        byte[] base = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\":,\\ 0e-.tfn\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.Random random = new java.util.Random(14);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < 400; i++) {
            byte[] body = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(3)) {
                    case 0 -> body = java.util.Arrays.copyOf(body, at);
                    case 1 -> body[at] = alphabet[random.nextInt(alphabet.length)];
                    default -> {
                        byte[] longer = new byte[body.length + 1];
                        System.arraycopy(body, 0, longer, 0, at);
                        longer[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(body, at, longer, at + 1, body.length - at);
                        body = longer;
                    }
                }
                if (body.length == 0) {
                    break;
                }
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(emu.endpoint().resolve("/async-invoke"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode()).as("status for %s", new String(body, java.nio.charset.StandardCharsets.UTF_8))
                    .isIn(200, 400);
            if (response.statusCode() == 200) {
                assertThat(response.body()).matches("\\{\"invocationArn\":\"arn:aws:bedrock:[^\"]+\"}");
            } else {
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).get().isIn("ValidationException",
                        "SerializationException", "ConflictException");
                assertThat(response.body()).startsWith("{\"message\":\"").doesNotContain("SECRET");
            }
        }
        // Both outcomes happened: the mangling is neither too mild nor too harsh to test anything.
        assertThat(statuses).containsKeys(200, 400);
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        byte[] huge = new byte[EmulatorHandler.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(emu.endpoint().resolve("/async-invoke"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than");
        assertThat(emu.requests()).singleElement().satisfies(r -> assertThat(r.body()).isEmpty());
        // The emulator still serves.
        assertThat(startJob()).matches(ARN);
    }

    @Test
    void anUnknownModelIsNotFoundWhenTheTestNamesTheKnownOnes() {
        try (BedrockRuntimeEmulator known = BedrockRuntimeEmulator.builder().clock(clock).knownModels(REEL).start()) {
            BedrockRuntimeClient other = known.client();
            assertThatThrownBy(() -> other.startAsyncInvoke(r -> r.modelId("amazon.nova-reel-v9:0").modelInput(INPUT)
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p")))))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThat(other.startAsyncInvoke(r -> r.modelId(REEL).modelInput(INPUT)
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p")))).invocationArn())
                    .matches(ARN);
        }
    }

    @Test
    void theQuotaCountsInvocationsInProgressAndARepeatedTokenIsStillAnswered() {
        try (BedrockRuntimeEmulator limited = BedrockRuntimeEmulator.builder().clock(clock).inProgressQuota(2)
                .lifecycle(Lifecycle.completesAfter(Duration.ofMinutes(1))).start()) {
            BedrockRuntimeClient other = limited.client();
            Consumer<StartAsyncInvokeRequest.Builder> request = r -> r.modelId(REEL).modelInput(INPUT)
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p")));
            String first = other.startAsyncInvoke(request.andThen(r -> r.clientRequestToken("a"))).invocationArn();
            other.startAsyncInvoke(request);

            assertThatThrownBy(() -> other.startAsyncInvoke(request))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(other.startAsyncInvoke(request.andThen(r -> r.clientRequestToken("a"))).invocationArn())
                    .isEqualTo(first);

            clock.advance(Duration.ofMinutes(1));
            assertThat(other.startAsyncInvoke(request).invocationArn()).matches(ARN);
            assertThat(limited.startedInvocations()).hasSize(3);
        }
    }

    @Test
    void getFindsAStartedInvocationAndAnUnknownArnIsAValidationError() throws Exception {
        String arn = startJob();
        HttpResponse<String> encoded = http.send(HttpRequest.newBuilder(emu.endpoint().resolve("/async-invoke/"
                + arn.replace(":", "%3A").replace("/", "%2F"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.body()).contains("\"invocationArn\":\"" + arn + "\"");
        assertThatThrownBy(() -> client.getAsyncInvoke(r -> r.invocationArn(arn.substring(0, arn.length() - 12)
                + "zzzzzzzzzzzz"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void startedInvocationsAreListedInSubmitTimeOrderAmongTheOthers() {
        Instant base = emu.invocations().get(20).submitTime();
        List<String> started = new ArrayList<>();
        // Out of order, and at the same millisecond as a generated item and as each other.
        for (Instant at : List.of(base.plusSeconds(5), base, base, base.minusSeconds(3_000_000), T0)) {
            clock.set(at);
            started.add(startJob());
        }

        List<Invocation> ascending = listAll("Ascending", Optional.empty());
        List<Invocation> descending = listAll("Descending", Optional.empty());
        assertThat(ascending).hasSize(55).extracting(Invocation::invocationArn).containsAll(started)
                .doesNotHaveDuplicates();
        assertThat(ascending).extracting(Invocation::submitTime).isSorted();
        List<Invocation> reversed = new ArrayList<>(ascending);
        Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
        assertThat(ascending).isEqualTo(emu.invocations().stream().map(SdkSummaries::asSdkSeesIt).toList());
        // Same time: the generated item first, then the started ones in the order they started.
        int at = ascending.indexOf(emu.invocations().stream().filter(i -> i.invocationArn().equals(started.get(1)))
                .findFirst().orElseThrow());
        assertThat(ascending.get(at - 1).submitTime()).isEqualTo(base);
        assertThat(ascending.get(at + 1).invocationArn()).isEqualTo(started.get(2));
    }

    @Test
    void aListingUnderWayMissesNothingAndRepeatsNothingWhileInvocationsStartAndEnd() {
        for (int i = 0; i < 10; i++) {
            startJob();
            clock.advance(Duration.ofSeconds(30));
        }
        List<String> before = emu.invocations().stream().map(Invocation::invocationArn).toList();
        Set<String> added = new HashSet<>();

        for (String order : List.of("Descending", "Ascending")) {
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                ListAsyncInvokesResponse page = client.listAsyncInvokes(r -> r.sortOrder(order).maxResults(4)
                        .nextToken(t));
                page.asyncInvokeSummaries().forEach(s -> seen.add(s.invocationArn()));
                token = page.nextToken();
                // Between pages: one starts, and time passes, so some end.
                added.add(startJob());
                clock.advance(Duration.ofSeconds(45));
            } while (token != null);

            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
            if (order.equals("Descending")) {
                // Newest first: what started after the first page sorts before the token, so it is not seen.
                assertThat(seen).hasSameSizeAs(before);
            } else {
                // Oldest first: what started since is after the token, so it is seen.
                assertThat(seen).hasSizeGreaterThan(before.size());
            }
            before = emu.invocations().stream().map(Invocation::invocationArn).toList();
        }
        assertThat(added).hasSizeGreaterThan(10);
    }

    @Test
    void aStatusFilterSeesEachItemAsItIsWhenItsPageIsBuilt() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            started.add(startJob());
            clock.advance(Duration.ofSeconds(1));
        }
        // Oldest first, two a page; between pages the next two to be served complete.
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListAsyncInvokesResponse page = client.listAsyncInvokes(r -> r.sortOrder("Ascending").statusEquals("InProgress")
                    .submitTimeAfter(T0.minusSeconds(1)).maxResults(2).nextToken(t));
            page.asyncInvokeSummaries().forEach(s -> seen.add(s.invocationArn()));
            token = page.nextToken();
            pages++;
            clock.advance(pages == 1 ? Duration.ofMinutes(3).minusSeconds(4) : Duration.ofSeconds(2));
        } while (token != null);

        // Job k was submitted at T0 + k s and completes 3 minutes later. Page 1, at T0 + 8 s, saw jobs 0 and 1; page 2,
        // at T0 + 184 s, went on from job 2, but 2 to 4 had completed, so it saw 5 and 6; page 3, at T0 + 186 s, saw 7.
        assertThat(seen).containsExactly(started.get(0), started.get(1), started.get(5), started.get(6),
                started.get(7));
    }

    @Test
    void resetForgetsStartedInvocationsTokensAndRequestsAndRearmsTheFaults() {
        try (BedrockRuntimeEmulator scripted = BedrockRuntimeEmulator.builder().clock(clock)
                .faults(Fault.THROTTLE).start()) {
            BedrockRuntimeClient other = scripted.client();
            Consumer<StartAsyncInvokeRequest.Builder> request = r -> r.modelId(REEL).modelInput(INPUT)
                    .clientRequestToken("t").outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p")));
            String first = other.startAsyncInvoke(request).invocationArn();
            scripted.lifecycle(Lifecycle.runsUntilEnded());
            other.listAsyncInvokes(r -> r.maxResults(1));
            assertThat(scripted.faults().pending()).isEmpty();

            scripted.reset();

            assertThat(scripted.startedInvocations()).isEmpty();
            assertThat(scripted.requests()).isEmpty();
            assertThat(scripted.faults().pending()).containsExactly(Fault.THROTTLE);
            // Same ARNs in the same order, and the token is free again, now with other parameters.
            assertThat(other.startAsyncInvoke(request.andThen(r -> r.modelId("luma.ray-v2:0"))).invocationArn())
                    .isEqualTo(first);
            // The builder's lifecycle (the default, two minutes) is back.
            clock.advance(Duration.ofMinutes(2));
            assertThat(scripted.invocation(first).orElseThrow().status()).contains("Completed");
        }
    }

    @Test
    void theClockIsTheBuildersAndTheSystemsByDefault() {
        assertThat(emu.clock()).isSameAs(clock);
        try (BedrockRuntimeEmulator real = BedrockRuntimeEmulator.builder().start()) {
            Instant before = Instant.now();
            String arn = real.client().startAsyncInvoke(r -> r.modelId(REEL).modelInput(INPUT)
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/p")))).invocationArn();
            Instant submitted = real.invocation(arn).orElseThrow().submitTime();
            assertThat(submitted).isBetween(before.minusMillis(1), Instant.now());
        }
    }

    @Test
    void theSdksAsyncClientSpeaksHttp2ToItAsToTheService() {
        BedrockRuntimeAsyncClient async = emu.asyncClient();
        String arn = async.startAsyncInvoke(sample()).join().invocationArn();

        assertThat(async.getAsyncInvoke(r -> r.invocationArn(arn)).join().statusAsString()).isEqualTo("InProgress");
        assertThat(async.listAsyncInvokes(r -> r.maxResults(100)).join().asyncInvokeSummaries())
                .extracting(s -> s.invocationArn()).contains(arn);
        assertThat(emu.asyncClient()).isSameAs(async);
    }

    @Test
    void manyConcurrentGetsOnOneHttp2ConnectionAllSucceedWithoutRetries() {
        // The SDK's HTTP/2 client sends a GET's end of stream after its headers; an answer before it made Jetty reset
        // the stream under the client's write ("Stream no longer exists"), a request or more in every few hundred.
        try (BedrockRuntimeEmulator many = BedrockRuntimeEmulator.builder().generated(1200, 3).start();
             BedrockRuntimeAsyncClient async = many.asyncClientBuilder().overrideConfiguration(o -> o.retryStrategy(
                     software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())).build()) {
            List<java.util.concurrent.CompletableFuture<ListAsyncInvokesResponse>> calls = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 40; i++) {
                    calls.add(async.listAsyncInvokes(r -> r.maxResults(500)).thenCompose(first -> async
                            .listAsyncInvokes(r -> r.maxResults(500).nextToken(first.nextToken()))));
                }
                calls.forEach(call -> assertThat(call.join().asyncInvokeSummaries()).hasSize(500));
                calls.clear();
            }
            assertThat(many.requestCount()).isEqualTo(800);
        }
    }

    @Test
    void builderArgumentsAreChecked() {
        BedrockRuntimeEmulator.Builder builder = BedrockRuntimeEmulator.builder();
        assertThatThrownBy(() -> builder.inProgressQuota(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inProgressQuota").hasMessageContaining("0");
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> builder.knownModels("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.lifecycle("m", null)).isInstanceOf(NullPointerException.class);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(emu.endpoint().resolve("/async-invoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
