package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();
    private final Progress progress = new Progress(new PrintWriter(err), nanos::get);

    private void at(double seconds) {
        nanos.set((long) (seconds * 1e9));
    }

    @Test
    void showsNothingForAListingThatTakesLessThanASecond() {
        at(0.9);
        progress.printed(25, () -> { });
        progress.tick();
        progress.close();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void drawsItemsPagesAndElapsedInPlaceAfterASecond() {
        at(0.5);
        progress.printed(1, () -> { });
        at(1.25);
        progress.tick();
        assertThat(err).hasToString("\rlisted 1 item in 1 page, 1.3 s");
        at(2);
        progress.tick();
        assertThat(err.toString()).endsWith("\rlisted 1 item in 1 page, 2.0 s");
    }

    @Test
    void erasesTheLineWhileAPageIsWrittenThenRedrawsIt() {
        at(1.5);
        progress.printed(1000, () -> { });
        int drawn = err.toString().length();
        StringBuilder seenDuringWrite = new StringBuilder();
        at(2.5);
        progress.printed(1000, () -> seenDuringWrite.append(err.toString().substring(drawn)));
        String line = "listed 1,000 items in 1 page, 1.5 s";
        assertThat(seenDuringWrite).hasToString("\r" + " ".repeat(line.length()) + "\r");
        assertThat(err.toString()).endsWith("\rlisted 2,000 items in 2 pages, 2.5 s");
    }

    @Test
    void closingErasesTheLine() {
        at(3);
        progress.printed(7, () -> { });
        progress.close();
        String line = "listed 7 items in 1 page, 3.0 s";
        assertThat(err).hasToString("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }

    @Test
    void offDrawsNothingAndStillWrites() {
        StringBuilder written = new StringBuilder();
        Progress.off().printed(3, () -> written.append("page"));
        Progress.off().close();
        assertThat(written).hasToString("page");
    }

    @Test
    void notOnATerminalMeansOff() {
        assertThat(Progress.onTerminal(false, new PrintWriter(err))).isSameAs(Progress.off());
    }
}
