package io.github.asyncinvokelister.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads, from a raw {@code ListAsyncInvokes} response body, the member name of each summary's
 * {@code outputDataConfig}: the one thing the SDK drops. The SDK has already parsed the same body, so it is known
 * to be well-formed JSON.
 *
 * <p>{@link #names(byte[], int)} is a single pass over the bytes that follows nesting and strings and looks at
 * three keys ({@code asyncInvokeSummaries}, then each summary's {@code outputDataConfig}, then that union's
 * member), with no tree and no strings made but the names it returns. {@link #names(byte[], int, int, boolean)}
 * first tries something cheaper: it looks only for the bytes {@code "outputDataConfig"} as a key, and takes the
 * shortcut when it finds exactly one for each summary.
 */
final class UnknownMembers {
    private static final byte[] SUMMARIES = ascii("asyncInvokeSummaries");
    private static final byte[] OUTPUT = ascii("outputDataConfig");
    private static final byte[] S3_MEMBER = ascii("s3OutputDataConfig");
    private static final byte[] OUTPUT_KEY = ascii("\"outputDataConfig\"");
    /** Where {@link #OUTPUT_KEY} has its only {@code D}, a byte rare in a body outside the two union keys. */
    private static final int D_IN_OUTPUT_KEY = 7;

    // Depths, counting the root object as 1: the summaries array, a summary, an output union.
    private static final int ARRAY = 2;
    private static final int SUMMARY = 3;
    private static final int UNION = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long DS = 'D' * ONES;

    private UnknownMembers() {
    }

    /**
     * The member name of each summary's output union, as {@link #names(byte[], int)} gives it, for a body whose
     * summaries the SDK has parsed.
     *
     * <p>When every summary has a union, it first looks for the key {@code "outputDataConfig"} alone, skipping
     * the body eight bytes at a step to the rare {@code D} in it. Every summary's union key is among what it
     * finds, unless the key was written with escapes, so finding exactly one for each summary means it found
     * the summaries' unions and nothing else, in order; then it reads a union's member only when asked for that
     * summary's name. Finding any other number (the key nested elsewhere, say), it falls back to the full pass.
     *
     * @param body the response body, UTF-8
     * @param length how many bytes of {@code body} it has
     * @param summaries how many summaries the SDK parsed
     * @param everySummaryHasAUnion whether the SDK found an {@code outputDataConfig} in each of them
     * @return the name of the union member of a summary, by its index
     * @throws IllegalArgumentException if the body ends inside a string
     * @throws IllegalStateException if the body has another number of summaries than the SDK parsed
     */
    static IntFunction<String> names(byte[] body, int length, int summaries, boolean everySummaryHasAUnion) {
        if (everySummaryHasAUnion) {
            int[] unions = unionOffsets(body, length, summaries);
            if (unions != null) {
                return summary -> memberOf(body, length, unions[summary]);
            }
        }
        List<String> names = names(body, length);
        if (names.size() != summaries) {
            throw new IllegalStateException(
                    "the response body has " + names.size() + " summaries where the SDK parsed " + summaries);
        }
        return names::get;
    }

    /**
     * The offset of the opening brace of each object under an {@code "outputDataConfig"} key, if there are exactly
     * {@code expected} of them; {@code null} if there are more or fewer.
     */
    static int[] unionOffsets(byte[] body, int length, int expected) {
        int[] offsets = new int[expected];
        int found = 0;
        int pos = D_IN_OUTPUT_KEY;
        while (pos < length) {
            int d = nextD(body, length, pos);
            if (d < 0) {
                break;
            }
            pos = d + 1;
            int open = unionAfterKeyAt(body, length, d - D_IN_OUTPUT_KEY);
            if (open >= 0) {
                if (found == expected) {
                    return null;
                }
                offsets[found++] = open;
                pos = open + 1;
            }
        }
        return found == expected ? offsets : null;
    }

    /** The offset of the first {@code D} at or after {@code pos}, or -1; eight bytes a step. */
    private static int nextD(byte[] body, int length, int pos) {
        for (; pos + Long.BYTES <= length; pos += Long.BYTES) {
            long word = (long) LONGS.get(body, pos) ^ DS;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                // Only the lowest set bit is exact, as in quoteOrBackslash.
                return pos + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; pos < length; pos++) {
            if (body[pos] == 'D') {
                return pos;
            }
        }
        return -1;
    }

    /**
     * If {@code "outputDataConfig"} starts at {@code start} as a key whose value is an object, the offset of that
     * object's opening brace; otherwise -1. A quote after an odd run of backslashes is inside a string, which makes
     * what follows part of another key.
     */
    private static int unionAfterKeyAt(byte[] body, int length, int start) {
        if (start < 0 || body[start] != '"' || start + OUTPUT_KEY.length > length
                || !Arrays.equals(body, start, start + OUTPUT_KEY.length, OUTPUT_KEY, 0, OUTPUT_KEY.length)) {
            return -1;
        }
        int backslashes = 0;
        while (start - backslashes - 1 >= 0 && body[start - backslashes - 1] == '\\') {
            backslashes++;
        }
        if (backslashes % 2 != 0) {
            return -1;
        }
        int colon = skipWhitespace(body, length, start + OUTPUT_KEY.length);
        if (colon >= length || body[colon] != ':') {
            return -1;
        }
        int open = skipWhitespace(body, length, colon + 1);
        return open < length && body[open] == '{' ? open : -1;
    }

    /** The member name of the union object whose opening brace is at {@code open}, by the rule of {@link #names}. */
    private static String memberOf(byte[] body, int length, int open) {
        int pos = skipWhitespace(body, length, open + 1);
        while (pos < length && body[pos] == '"') {
            int start = pos + 1;
            int end = endOfString(body, length, start);
            if (!is(body, start, end, S3_MEMBER)) {
                return key(body, start, end);
            }
            int colon = skipWhitespace(body, length, end + 1);
            pos = skipWhitespace(body, length, endOfValue(body, length, skipWhitespace(body, length, colon + 1)));
            if (pos >= length || body[pos] != ',') {
                break;
            }
            pos = skipWhitespace(body, length, pos + 1);
        }
        return "";
    }

    /** The offset just past the JSON value that starts at {@code pos}. */
    private static int endOfValue(byte[] body, int length, int pos) {
        int depth = 0;
        while (pos < length) {
            byte b = body[pos];
            if (b == '"') {
                pos = endOfString(body, length, pos + 1) + 1;
                if (depth == 0) {
                    return pos;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return pos + 1;
                }
                if (depth < 0) {
                    return pos; // the end of a container that holds a number or literal
                }
            } else if (depth == 0 && (b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t')) {
                return pos;
            }
            pos++;
        }
        return pos;
    }

    /** The key whose quoted bytes end at {@code end} and start just before {@code start}, unescaped. */
    private static String key(byte[] body, int start, int end) {
        return (String) Json.parse(new String(body, start - 1, end - start + 2, StandardCharsets.UTF_8));
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
                        names.set(names.size() - 1, key(body, start, end));
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
