package io.github.asyncinvokelister.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for a listing that takes more than a moment ({@value #DELAY_MILLIS} ms): items,
 * pages and elapsed time, redrawn in place with {@code \r} a few times a second and erased at the end. It is erased
 * while a page is written, so that on a terminal that shows both streams it never mixes into the output. Only
 * {@link #onTerminal} shows it, and only when standard error is a terminal; never into a pipe or a file.
 */
final class Progress implements AutoCloseable {
    static final long DELAY_MILLIS = 1000;
    private static final long TICK_MILLIS = 250;
    private static final Progress OFF = new Progress(null, System::nanoTime);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;
    private ScheduledExecutorService ticker;
    private long items;
    private long pages;
    /** The length of the line on the screen; 0 when none is. */
    private int shown;

    /**
     * A progress line drawn on {@code err} by explicit {@link #tick()}s only; {@link #onTerminal} adds the ticker.
     *
     * @param err where to draw, or {@code null} for none
     */
    Progress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.start = nanoTime.getAsLong();
    }

    /** No progress line. */
    static Progress off() {
        return OFF;
    }

    /** A ticking progress line on {@code err} if {@code terminal} says standard error is a terminal, else none. */
    static Progress onTerminal(boolean terminal, PrintWriter err) {
        if (!terminal) {
            return OFF;
        }
        Progress progress = new Progress(err, System::nanoTime);
        progress.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "async-invoke-lister-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.ticker.scheduleAtFixedRate(progress::tick, DELAY_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    /**
     * Whether this process's standard error is a terminal device, whatever standard input and output are (a listing
     * piped into a file still shows its progress). Java has no call for it; on Linux {@code /proc/self/fd/2} names
     * the device, elsewhere this answers {@code false}.
     */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /**
     * Whether this process's standard output is a terminal device, read as {@link #stderrIsTerminal()} reads standard
     * error's, without asking for a console: output piped to a file is no terminal, whatever standard input is.
     */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /** Whether file descriptor {@code fd} is a terminal: on Linux its {@code /proc/self/fd} link names the device. */
    private static boolean isTerminal(int fd) {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Runs {@code write} (a page going to standard output) with the line erased, then counts the page and redraws. */
    synchronized void printed(int pageItems, Runnable write) {
        if (err == null) {
            write.run();
            return;
        }
        erase();
        write.run();
        items += pageItems;
        pages++;
        draw();
    }

    /** Redraws the line with the current elapsed time. */
    synchronized void tick() {
        draw();
    }

    /** Stops the ticker and erases the line: {@link #close()}, for a signal's thread that ends the listing. */
    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        erase();
    }

    /** Stops the ticker and erases the line. */
    @Override
    public void close() {
        stop();
    }

    private void draw() {
        if (err == null) {
            return;
        }
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        if (elapsed.toMillis() < DELAY_MILLIS) {
            return;
        }
        String line = String.format(Locale.ROOT, "listed %,d item%s in %,d page%s, %.1f s", items,
                items == 1 ? "" : "s", pages, pages == 1 ? "" : "s", elapsed.toMillis() / 1000.0);
        // Spaces cover the tail of a longer line drawn before.
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    private void erase() {
        if (err != null && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
