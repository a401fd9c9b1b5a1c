package io.github.asyncinvokelister.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, for {@link BedrockRuntimeEmulator.Builder#clock(Clock)}: started
 * invocations end when the clock passes their end, with no sleeping. Thread-safe; clocks made by
 * {@link #withZone(ZoneId)} share this one's time.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2025-06-01T00:00:00Z"));
 * BedrockRuntimeEmulator emu = BedrockRuntimeEmulator.builder().clock(clock).start();
 * ... start an invocation ...
 * clock.advance(Duration.ofMinutes(5)); // it has completed
 * }</pre>
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock that reads {@code start}, in UTC, until it is moved.
     *
     * @param start the first time it reads
     * @return the clock
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward.
     *
     * @param duration zero or more
     * @return the time it reads now
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration
                    + " (set(Instant) moves the clock back)");
        }
        return now.updateAndGet(time -> time.plus(duration));
    }

    /**
     * Sets the time, forward or back.
     *
     * @param instant the time it reads from now on
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock in another zone that reads, and moves with, this one's time. */
    @Override
    public ManualClock withZone(ZoneId zone) {
        return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "," + zone + "]";
    }
}
