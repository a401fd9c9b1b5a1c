package io.github.asyncinvokelister.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * {@link BedrockRuntimeEmulator#generate}'s list: item {@code i} is computed from {@code (seed, i)} alone each
 * time it is asked for, so a million-item listing holds no million objects, and any item, or just its submit
 * time, costs the same to reach.
 *
 * <p>Invocation IDs are a bijection of the index (a four-round Feistel network over {@code 36^12}, keyed by the
 * seed), so {@link #find} maps an ARN back to its index without a table.
 */
final class GeneratedInvocations extends AbstractList<Invocation> implements RandomAccess, Dataset {
    /** The first submit time: fixed, so data does not depend on when it is generated. */
    static final Instant START = Instant.parse("2025-01-06T08:00:00Z");
    /** The submit times spread over this span (more only when there are more items than milliseconds in it). */
    static final Duration SPAN = Duration.ofDays(120);

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String ARN_PREFIX = "arn:aws:bedrock:" + REGION + ":" + ACCOUNT + ":async-invoke/";

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final long HALF = 2_176_782_336L; // 36^6: each Feistel half holds six base-36 digits
    private static final int ROUNDS = 4;

    private static final String[] MODELS = {
        "amazon.nova-reel-v1:0", "amazon.nova-reel-v1:1", "luma.ray-v2:0", "twelvelabs.marengo-embed-2-7-v1:0",
    };
    private static final int[] MODEL_WEIGHTS = {45, 30, 15, 10};
    private static final String[] BUCKETS = {"my-video-bucket", "media-team-outputs", "acme-genai-prod"};
    private static final String[] PREFIXES = {"reels", "campaigns/spring", "embeddings/batch", "tests"};
    private static final String[] BUCKET_OWNERS = {"210987654321", "444455556666"};
    private static final String IN_PROGRESS = "InProgress";
    private static final String COMPLETED = "Completed";
    private static final String FAILED = "Failed";
    /** Statuses the service model does not have, as a newer service might send. */
    private static final String[] UNKNOWN_STATUSES = {"Cancelled", "Expired"};
    private static final String UNKNOWN_MEMBER = "gcsOutputDataConfig";
    /** Failure messages, some with quotes and non-ASCII characters so JSON escaping is exercised. */
    private static final String[] FAILURE_MESSAGES = {
        "The video generation request was blocked by our content filters. Please adjust your text prompt to "
                + "submit a new request.",
        "Access denied when writing to the output location. Check that the service role can call s3:PutObject.",
        "Internal server error. Please try again.",
        "Input image dimensions must be 1280x720; see \"Image requirements\" in the user guide.",
        "Output bucket is in another Region (eu-west-1) \u2014 it must be in us-east-1.",
    };

    private final int count;
    private final long seed;
    private final long gapMillis;
    private final int unknownStatusIndex;
    private final int unknownMemberIndex;
    private final String[] kmsKeys;

    GeneratedInvocations(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        this.count = count;
        this.seed = seed;
        this.gapMillis = Math.max(1, SPAN.toMillis() / Math.max(1, count));
        // Fixed indexes below 100, so every set of 100 or more items has each rare case at least once.
        this.unknownStatusIndex = (int) Long.remainderUnsigned(SplitMix.mix(seed, -1), 100);
        this.unknownMemberIndex = (int) Long.remainderUnsigned(SplitMix.mix(seed, -2), 100);
        SplitMix keys = new SplitMix(SplitMix.mix(seed, -3));
        this.kmsKeys = new String[3];
        for (int k = 0; k < kmsKeys.length; k++) {
            kmsKeys[k] = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + uuid(keys);
        }
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public Invocation get(int index) {
        return create(index);
    }

    @Override
    public Instant submitTime(int index) {
        checkIndex(index);
        long jitter = Long.remainderUnsigned(SplitMix.mix(seed ^ 0x5ab417L, index), gapMillis);
        // Jitter below one gap keeps the times strictly increasing while the gaps between them vary.
        return START.plusMillis(index * gapMillis + jitter);
    }

    @Override
    public Optional<Invocation> find(String invocationArn) {
        if (!invocationArn.startsWith(ARN_PREFIX) || invocationArn.length() != ARN_PREFIX.length() + 12) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = ARN_PREFIX.length(); i < invocationArn.length(); i++) {
            int digit = DIGITS.indexOf(invocationArn.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value * 36 + digit;
        }
        long left = value / HALF;
        long right = value % HALF;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previousRight = left;
            left = Math.floorMod(right - feistel(previousRight, round), HALF);
            right = previousRight;
        }
        long index = left * HALF + right;
        return index < count ? Optional.of(create((int) index)) : Optional.empty();
    }

    @Override
    public List<Invocation> asList() {
        return this;
    }

    @Override
    public long fingerprint() {
        return SplitMix.mix(seed, count);
    }

    private Invocation create(int index) {
        Instant submitTime = submitTime(index);
        String id = invocationId(index);
        SplitMix random = new SplitMix(SplitMix.mix(seed, index));

        String modelArn = "arn:aws:bedrock:" + REGION + "::foundation-model/" + MODELS[weighted(random)];
        Optional<String> clientRequestToken = random.chance(0.9) ? Optional.of(uuid(random)) : Optional.empty();

        boolean unknownStatus = index == unknownStatusIndex || random.chance(0.02);
        double draw = random.nextDouble();
        String status = unknownStatus ? UNKNOWN_STATUSES[random.nextInt(UNKNOWN_STATUSES.length)]
                : draw < 0.12 ? IN_PROGRESS
                : draw < 0.80 ? COMPLETED
                : FAILED;

        Optional<String> failureMessage = status.equals(FAILED)
                ? Optional.of(FAILURE_MESSAGES[random.nextInt(FAILURE_MESSAGES.length)])
                : Optional.empty();
        Optional<Instant> endTime = status.equals(IN_PROGRESS)
                ? Optional.empty()
                : Optional.of(submitTime.plusMillis(45_000 + random.nextInt(25 * 60_000)));
        Instant lastModifiedTime = endTime.orElseGet(() -> submitTime.plusMillis(1_000 + random.nextInt(120_000)));

        Invocation.Output output;
        if (index == unknownMemberIndex || random.chance(0.02)) {
            output = new Invocation.OtherOutput(UNKNOWN_MEMBER);
        } else {
            String s3Uri = "s3://" + BUCKETS[random.nextInt(BUCKETS.length)] + "/"
                    + PREFIXES[random.nextInt(PREFIXES.length)] + "/" + id;
            Optional<String> kmsKeyId = random.chance(0.3)
                    ? Optional.of(kmsKeys[random.nextInt(kmsKeys.length)])
                    : Optional.empty();
            Optional<String> bucketOwner = random.chance(0.2)
                    ? Optional.of(BUCKET_OWNERS[random.nextInt(BUCKET_OWNERS.length)])
                    : Optional.empty();
            output = new Invocation.S3Output(s3Uri, kmsKeyId, bucketOwner);
        }
        return new Invocation(ARN_PREFIX + id, modelArn, clientRequestToken, Optional.of(status),
                failureMessage, submitTime, Optional.of(lastModifiedTime), endTime, output);
    }

    private String invocationId(int index) {
        long left = 0;
        long right = index;
        for (int round = 0; round < ROUNDS; round++) {
            long nextRight = Math.floorMod(left + feistel(right, round), HALF);
            left = right;
            right = nextRight;
        }
        long value = left * HALF + right;
        char[] id = new char[12];
        for (int i = id.length - 1; i >= 0; i--) {
            id[i] = DIGITS.charAt((int) (value % 36));
            value /= 36;
        }
        return new String(id);
    }

    private long feistel(long half, int round) {
        return Long.remainderUnsigned(SplitMix.mix(seed ^ (0x1d5L << round), half), HALF);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index out of range [0, " + count + "): " + index);
        }
    }

    private static int weighted(SplitMix random) {
        int draw = random.nextInt(100);
        for (int i = 0; i < MODEL_WEIGHTS.length; i++) {
            draw -= MODEL_WEIGHTS[i];
            if (draw < 0) {
                return i;
            }
        }
        return MODEL_WEIGHTS.length - 1;
    }

    /** A random version-4 UUID, drawn from {@code random} so it is reproducible. */
    private static String uuid(SplitMix random) {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
