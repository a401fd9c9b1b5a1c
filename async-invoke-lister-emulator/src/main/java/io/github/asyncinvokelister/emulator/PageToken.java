package io.github.asyncinvokelister.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code nextToken}'s content, and its wire form.
 *
 * <p>A token holds the position of the next item to examine as that item's key (its submit time and
 * {@linkplain Dataset#ordinal ordinal}), not as an index: invocations that start while a listing is under way move
 * the indexes of the items after them, but no item's key. The wire form is standard Base64 (with padding) of 40
 * bytes:
 * <pre>
 *   0..2   magic FB FF BF      (so every token starts with "+/+/")
 *   3      format version 2
 *   4..11  submit time, epoch seconds
 *   12..15 submit time, nanoseconds
 *   16..23 ordinal
 *   24..25 variant             (0 normally; lets faults mint a different token for the same position)
 *   26..33 query hash          (first 8 bytes of SHA-256 of the normalised filters and sort)
 *   34..39 check               (first 6 bytes of SHA-256 of the dataset fingerprint and bytes 0..33)
 * </pre>
 * 40 bytes make Base64 end in {@code ==}, so every token holds {@code +}, {@code /} and {@code =}: the characters
 * a client must percent-encode in a query string. The position is an item, not a page number, so a client may
 * change {@code maxResults} between requests.
 *
 * @param position the key of the next item to examine, or {@link Position#FIRST} or {@link Position#LAST}
 * @param variant 0, or a counter that makes a token for the same position differ
 * @param queryHash the hash of the query the token belongs to
 */
record PageToken(Position position, int variant, long queryHash) {
    private static final byte[] MAGIC = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF};
    private static final byte VERSION = 2;
    private static final int LENGTH = 40;
    private static final int CHECKED = 34;

    /**
     * An item's key: submit time, then ordinal. {@link #FIRST} sorts before every item and {@link #LAST} after.
     *
     * @param seconds the submit time's epoch seconds
     * @param nanos the submit time's nanoseconds
     * @param ordinal the item's ordinal
     */
    record Position(long seconds, int nanos, long ordinal) implements Comparable<Position> {
        static final Position FIRST = new Position(Long.MIN_VALUE, 0, Long.MIN_VALUE);
        static final Position LAST = new Position(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

        static Position of(Instant submitTime, long ordinal) {
            return new Position(submitTime.getEpochSecond(), submitTime.getNano(), ordinal);
        }

        @Override
        public int compareTo(Position other) {
            int bySeconds = Long.compare(seconds, other.seconds);
            if (bySeconds != 0) {
                return bySeconds;
            }
            int byNanos = Integer.compare(nanos, other.nanos);
            return byNanos != 0 ? byNanos : Long.compare(ordinal, other.ordinal);
        }
    }

    PageToken {
        Objects.requireNonNull(position, "position");
        if (variant < 0 || variant > 0xFFFF) {
            throw new IllegalArgumentException("variant must be 0 to 65535: " + variant);
        }
    }

    /** The same position with the next variant, wrapping after 65535. */
    PageToken nextVariant() {
        return new PageToken(position, (variant + 1) & 0xFFFF, queryHash);
    }

    String encode(long fingerprint) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.put(MAGIC).put(VERSION).putLong(position.seconds()).putInt(position.nanos()).putLong(position.ordinal())
                .putShort((short) variant).putLong(queryHash);
        bytes.put(check(fingerprint, bytes.array()), 0, LENGTH - CHECKED);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * Reads a token this emulator issued.
     *
     * @return the token; empty if {@code text} is not one, or was altered, or was issued for other data
     */
    static Optional<PageToken> decode(String text, long fingerprint) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // The decoder tolerates missing padding; a token is only what encode() wrote, byte for byte.
        if (raw.length != LENGTH || !Base64.getEncoder().encodeToString(raw).equals(text)
                || !Arrays.equals(raw, 0, 3, MAGIC, 0, 3) || raw[3] != VERSION
                || !Arrays.equals(raw, CHECKED, LENGTH, check(fingerprint, raw), 0, LENGTH - CHECKED)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw, 4, CHECKED - 4);
        Position position = new Position(bytes.getLong(), bytes.getInt(), bytes.getLong());
        int variant = Short.toUnsignedInt(bytes.getShort());
        long queryHash = bytes.getLong();
        return Optional.of(new PageToken(position, variant, queryHash));
    }

    /** The first 8 bytes of SHA-256 of {@code text}, as a long. */
    static long hash(String text) {
        return ByteBuffer.wrap(sha256().digest(text.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static byte[] check(long fingerprint, byte[] token) {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(8).putLong(fingerprint).array());
        digest.update(token, 0, CHECKED);
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
