package io.github.asyncinvokelister.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads, from a raw {@code ListAsyncInvokes} response body, the member name of each summary's
 * {@code outputDataConfig}: the one thing the SDK drops. The SDK has already parsed the same body, so it is known
 * to be well-formed JSON; this is a single pass over the bytes that follows nesting and strings and looks at three
 * keys ({@code asyncInvokeSummaries}, then each summary's {@code outputDataConfig}, then that union's member), with
 * no tree and no strings made but the names it returns.
 */
final class UnknownMembers {
    private static final byte[] SUMMARIES = ascii("asyncInvokeSummaries");
    private static final byte[] OUTPUT = ascii("outputDataConfig");
    private static final byte[] S3_MEMBER = ascii("s3OutputDataConfig");

    // Depths, counting the root object as 1: the summaries array, a summary, an output union.
    private static final int ARRAY = 2;
    private static final int SUMMARY = 3;
    private static final int UNION = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;

    private UnknownMembers() {
    }

    /**
     * The member name of each summary's output union, in order; {@code ""} where the union is absent or has only
     * the known {@code s3OutputDataConfig} member.
     *
     * @param body the response body, UTF-8
     * @param length how many bytes of {@code body} it has
     * @return one name a summary
     * @throws IllegalArgumentException if the body ends inside a string
     */
    static List<String> names(byte[] body, int length) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        // Which of the containers on the path are the ones we follow.
        boolean inSummaries = false;
        boolean inUnion = false;
        // The last key read, as offsets into the body: no copy per key.
        int keyStart = 0;
        int keyEnd = 0;
        int pos = 0;
        while (pos < length) {
            byte b = body[pos];
            if (b == '"') {
                int start = pos + 1;
                int end = endOfString(body, length, start);
                pos = end + 1;
                int next = skipWhitespace(body, length, pos);
                if (next < length && body[next] == ':') {
                    keyStart = start;
                    keyEnd = end;
                    if (inUnion && depth == UNION && names.get(names.size() - 1).isEmpty()
                            && !is(body, keyStart, keyEnd, S3_MEMBER)) {
                        names.set(names.size() - 1, (String) Json.parse(
                                new String(body, start - 1, end - start + 2, StandardCharsets.UTF_8)));
                    }
                    pos = next + 1;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
                if (depth == ARRAY && b == '[' && is(body, keyStart, keyEnd, SUMMARIES)) {
                    inSummaries = true;
                } else if (inSummaries && depth == SUMMARY && b == '{') {
                    names.add("");
                } else if (inSummaries && depth == UNION && b == '{' && is(body, keyStart, keyEnd, OUTPUT)) {
                    inUnion = true;
                }
                keyEnd = keyStart; // a container's key does not carry over to what is inside it
            } else if (b == '}' || b == ']') {
                if (depth == UNION) {
                    inUnion = false;
                } else if (depth == ARRAY) {
                    inSummaries = false;
                }
                depth--;
            }
            pos++;
        }
        return names;
    }

    private static boolean is(byte[] body, int start, int end, byte[] key) {
        return Arrays.equals(body, start, end, key, 0, key.length);
    }

    /**
     * The offset of the quote that ends the string whose contents start at {@code pos}. Nearly every byte of a
     * body is inside a string, so this looks at eight bytes a step (two words per loop), finding the first quote
     * or backslash among them with the SWAR zero-byte test rather than a branch a byte.
     */
    private static int endOfString(byte[] body, int length, int pos) {
        while (pos + 2 * Long.BYTES <= length) {
            long found = quoteOrBackslash((long) LONGS.get(body, pos));
            if (found == 0) {
                found = quoteOrBackslash((long) LONGS.get(body, pos + Long.BYTES));
                if (found == 0) {
                    pos += 2 * Long.BYTES;
                    continue;
                }
                pos += Long.BYTES;
            }
            pos += Long.numberOfTrailingZeros(found) >>> 3;
            if (body[pos] == '"') {
                return pos;
            }
            pos += 2; // a backslash and the byte it escapes
        }
        while (pos < length) {
            byte b = body[pos];
            if (b == '"') {
                return pos;
            }
            pos += b == '\\' ? 2 : 1;
        }
        throw new IllegalArgumentException("the response body ends inside a string");
    }

    /**
     * A word with the high bit set in each of the eight bytes of {@code word} (little-endian) that is a quote or
     * a backslash. Only the lowest set bit is exact: a borrow can set bits above a match, never below one, and the
     * caller only looks for the first match.
     */
    private static long quoteOrBackslash(long word) {
        long quotes = word ^ QUOTES;
        long backslashes = word ^ BACKSLASHES;
        return ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGHS;
    }

    private static int skipWhitespace(byte[] body, int length, int pos) {
        while (pos < length && (body[pos] == ' ' || body[pos] == '\n' || body[pos] == '\r' || body[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
