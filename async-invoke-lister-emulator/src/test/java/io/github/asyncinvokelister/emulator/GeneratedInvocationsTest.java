package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedInvocationsTest {
    private static final Pattern INVOCATION_ARN =
            Pattern.compile("arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke/[a-z0-9]{12}");
    private static final Pattern MODEL_ARN =
            Pattern.compile("arn:[a-z0-9\\-]+:bedrock:[a-z0-9\\-]*:[0-9]*:(provisioned-model|foundation-model)/.+");
    private static final Pattern KMS_KEY =
            Pattern.compile("arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?");

    private final List<Invocation> items = BedrockRuntimeEmulator.generate(2_000, 42);

    @Test
    void theSameSeedGivesTheSameInvocationsAndAnotherSeedOthers() {
        assertThat(BedrockRuntimeEmulator.generate(2_000, 42)).isEqualTo(items);
        assertThat(BedrockRuntimeEmulator.generate(2_000, 43).get(0)).isNotEqualTo(items.get(0));
    }

    @Test
    void submitTimesAreDistinctAndStrictlyIncreasing() {
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).submitTime()).isAfter(items.get(i - 1).submitTime());
        }
        Instant end = GeneratedInvocations.START.plus(GeneratedInvocations.SPAN);
        assertThat(items.get(0).submitTime()).isBetween(GeneratedInvocations.START, end);
        assertThat(items.get(items.size() - 1).submitTime()).isBetween(end.minus(Duration.ofDays(1)), end);
    }

    @Test
    void everyFieldLooksLikeTheServicesAndMatchesItsModel() {
        assertThat(items).extracting(Invocation::invocationArn).doesNotHaveDuplicates()
                .allMatch(arn -> INVOCATION_ARN.matcher(arn).matches());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.modelArn()).matches(MODEL_ARN);
            assertThat(item.lastModifiedTime()).get().satisfies(time -> assertThat(time).isAfter(item.submitTime()));
            assertThat(item.endTime().isPresent()).isEqualTo(!item.status().orElseThrow().equals("InProgress"));
            assertThat(item.failureMessage().isPresent()).isEqualTo(item.status().orElseThrow().equals("Failed"));
            item.clientRequestToken().ifPresent(token -> assertThat(token).matches("[!-~]{1,256}"));
            if (item.outputDataConfig() instanceof Invocation.S3Output s3) {
                assertThat(s3.s3Uri()).matches(S3_URI);
                s3.kmsKeyId().ifPresent(key -> assertThat(key).matches(KMS_KEY));
                s3.bucketOwner().ifPresent(owner -> assertThat(owner).matches("[0-9]{12}"));
            }
        });
    }

    @Test
    void theMixHasEveryStatusOptionalFieldsAndRareCases() {
        assertThat(items).extracting(item -> item.status().orElseThrow()).contains("InProgress", "Completed", "Failed");
        assertThat(items).filteredOn(item -> item.clientRequestToken().isEmpty()).isNotEmpty();
        assertThat(items).filteredOn(item -> item.clientRequestToken().isPresent()).hasSizeGreaterThan(1_500);
        List<Invocation.S3Output> s3 = items.stream().map(Invocation::outputDataConfig)
                .filter(Invocation.S3Output.class::isInstance).map(Invocation.S3Output.class::cast).toList();
        assertThat(s3).anyMatch(o -> o.kmsKeyId().isPresent()).anyMatch(o -> o.kmsKeyId().isEmpty())
                .anyMatch(o -> o.bucketOwner().isPresent()).anyMatch(o -> o.bucketOwner().isEmpty());
        long unknownStatuses = items.stream().filter(GeneratedInvocationsTest::hasUnmodelledStatus).count();
        assertThat(unknownStatuses).isBetween(10L, 80L);
        assertThat(items).filteredOn(GeneratedInvocationsTest::hasUnmodelledStatus)
                .extracting(item -> item.status().orElseThrow()).containsAnyOf("Cancelled", "Expired");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42, -7, Long.MAX_VALUE})
    void anyHundredHasAnUnknownStatusAndAnUnknownOutputMember(long seed) {
        List<Invocation> hundred = BedrockRuntimeEmulator.generate(100, seed);

        assertThat(hundred).anyMatch(GeneratedInvocationsTest::hasUnmodelledStatus);
        assertThat(hundred).anyMatch(item -> item.outputDataConfig().equals(
                new Invocation.OtherOutput("gcsOutputDataConfig")));
    }

    @Test
    void hugeListsAreComputedOnDemand() {
        List<Invocation> huge = BedrockRuntimeEmulator.generate(Integer.MAX_VALUE, 5);

        Invocation last = huge.get(Integer.MAX_VALUE - 1);

        assertThat(huge).hasSize(Integer.MAX_VALUE);
        assertThat(last.submitTime()).isAfter(huge.get(Integer.MAX_VALUE - 2).submitTime());
        assertThat(last.invocationArn()).matches(INVOCATION_ARN);
    }

    @Test
    void findMapsAnArnBackToItsInvocation() {
        GeneratedInvocations generated = new GeneratedInvocations(1_000_000, 9);

        for (int index : new int[] {0, 1, 499_999, 999_999}) {
            Invocation item = generated.get(index);
            assertThat(generated.find(item.invocationArn())).contains(item);
        }
        assertThat(generated.find("arn:aws:bedrock:us-east-1:123456789012:async-invoke/zzzzzzzzzzzz")).isEmpty();
        assertThat(generated.find("arn:aws:bedrock:us-west-2:123456789012:async-invoke/"
                + generated.get(0).invocationArn().substring(GeneratedInvocations.ARN_PREFIX.length()))).isEmpty();
        assertThat(generated.find("arn:aws:bedrock:us-east-1:123456789012:async-invoke/ABCDEFGHIJKL")).isEmpty();
    }

    @Test
    void anEmptyListIsFine() {
        assertThat(BedrockRuntimeEmulator.generate(0, 1)).isEmpty();
    }

    @Test
    void aNegativeCountIsRejectedNamingIt() {
        assertThatThrownBy(() -> BedrockRuntimeEmulator.generate(-3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must not be negative: -3");
    }

    @Test
    void theListIsUnmodifiable() {
        assertThatThrownBy(() -> items.add(items.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> items.get(2_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** A status the service model does not have: what a newer service might send. */
    private static boolean hasUnmodelledStatus(Invocation item) {
        return !List.of("InProgress", "Completed", "Failed").contains(item.status().orElseThrow());
    }
}
