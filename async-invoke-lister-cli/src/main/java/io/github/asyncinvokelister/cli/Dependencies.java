package io.github.asyncinvokelister.cli;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the commands take from the world, so tests can put in their own.
 *
 * @param clients makes the client of a listing
 * @param stderrIsTerminal whether standard error is a terminal, for the progress line
 * @param stdoutIsTerminal whether standard output is a terminal, where csv output is made safe to show
 * @param foreground how {@code emulator} waits once its server is up
 * @param interrupts how a listing learns that the process is told to stop
 */
record Dependencies(ClientFactory clients, BooleanSupplier stderrIsTerminal, BooleanSupplier stdoutIsTerminal,
        EmulatorCommand.Foreground foreground, Interrupts interrupts) {
    Dependencies {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(stderrIsTerminal, "stderrIsTerminal");
        Objects.requireNonNull(stdoutIsTerminal, "stdoutIsTerminal");
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /** Dependencies never told to stop. */
    Dependencies(ClientFactory clients, BooleanSupplier stderrIsTerminal, BooleanSupplier stdoutIsTerminal,
            EmulatorCommand.Foreground foreground) {
        this(clients, stderrIsTerminal, stdoutIsTerminal, foreground, Interrupts.NONE);
    }

    /** Dependencies whose standard output is no terminal, never told to stop. */
    Dependencies(ClientFactory clients, BooleanSupplier stderrIsTerminal, EmulatorCommand.Foreground foreground) {
        this(clients, stderrIsTerminal, () -> false, foreground);
    }

    /**
     * The real world: the AWS CLI's configuration, the process's own standard streams, waiting until killed, and the
     * JVM's shutdown hooks for SIGINT and SIGTERM.
     */
    static Dependencies system() {
        return new Dependencies(new SdkClientFactory(), Progress::stderrIsTerminal, Progress::stdoutIsTerminal,
                EmulatorCommand.UNTIL_KILLED, Interrupts.JVM);
    }
}
