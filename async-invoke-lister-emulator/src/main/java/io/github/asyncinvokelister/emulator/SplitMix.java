package io.github.asyncinvokelister.emulator;

/**
 * SplitMix64: a tiny random generator whose output is fixed by its published algorithm, so generated data and
 * injected faults stay the same across JDK versions ({@code SplittableRandom} makes no such promise).
 */
final class SplitMix {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** A well-mixed hash of {@code z}: SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of two values, for per-index streams: {@code mix(a, i)} and {@code mix(a, i + 1)} are unrelated. */
    static long mix(long a, long b) {
        return mix(mix(a) + GOLDEN_GAMMA * (b + 1));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; the modulo bias is far below anything a test could notice. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }
}
