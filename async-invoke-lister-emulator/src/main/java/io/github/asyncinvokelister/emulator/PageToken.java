package io.github.asyncinvokelister.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A {@code nextToken}'s content, and its wire form.
 *
 * <p>The wire form is standard Base64 (with padding) of 22 bytes:
 * <pre>
 *   0..2   magic FB FF BF      (so every token starts with "+/+/")
 *   3      format version 1
 *   4..7   cursor              (position in the query's scan order of the next item to examine)
 *   8..9   variant             (0 normally; lets faults mint a different token for the same position)
 *   10..17 query hash          (first 8 bytes of SHA-256 of the normalised filters and sort)
 *   18..21 check               (first 4 bytes of SHA-256 of the dataset fingerprint and bytes 0..17)
 * </pre>
 * 22 bytes make Base64 end in {@code ==}, so every token holds {@code +}, {@code /} and {@code =}: the characters
 * a client must percent-encode in a query string. The cursor is a position, not a page number, so a client may
 * change {@code maxResults} between requests.
 *
 * @param cursor the position of the next item to examine, in the query's scan order
 * @param variant 0, or a counter that makes a token for the same position differ
 * @param queryHash the hash of the query the token belongs to
 */
record PageToken(int cursor, int variant, long queryHash) {
    private static final byte[] MAGIC = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF};
    private static final byte VERSION = 1;
    private static final int LENGTH = 22;
    private static final int CHECKED = 18;

    PageToken {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative: " + cursor);
        }
        if (variant < 0 || variant > 0xFFFF) {
            throw new IllegalArgumentException("variant must be 0 to 65535: " + variant);
        }
    }

    /** The same position with the next variant, wrapping after 65535. */
    PageToken nextVariant() {
        return new PageToken(cursor, (variant + 1) & 0xFFFF, queryHash);
    }

    String encode(long fingerprint) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.put(MAGIC).put(VERSION).putInt(cursor).putShort((short) variant).putLong(queryHash);
        bytes.put(check(fingerprint, bytes.array()), 0, 4);
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
                || !Arrays.equals(raw, CHECKED, LENGTH, check(fingerprint, raw), 0, 4)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw, 4, CHECKED - 4);
        int cursor = bytes.getInt();
        int variant = Short.toUnsignedInt(bytes.getShort());
        long queryHash = bytes.getLong();
        return cursor < 0 ? Optional.empty() : Optional.of(new PageToken(cursor, variant, queryHash));
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
