package io.github.asyncinvokelister.cli;

import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;

/** Keeps what is written, and on each flush hands everything written so far to a watcher. */
final class FlushWatchingWriter extends Writer {
    private final StringWriter sink = new StringWriter();
    private final Consumer<String> onFlush;

    FlushWatchingWriter(Consumer<String> onFlush) {
        this.onFlush = onFlush;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        sink.write(chars, offset, length);
    }

    @Override
    public void flush() {
        onFlush.accept(sink.toString());
    }

    @Override
    public void close() {
    }

    /** Everything written. */
    @Override
    public String toString() {
        return sink.toString();
    }
}
