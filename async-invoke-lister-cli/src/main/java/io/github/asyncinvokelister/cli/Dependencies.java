package io.github.asyncinvokelister.cli;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the commands take from the world, so tests can put in their own.
 *
 * @param clients makes the client of a listing
 * @param stderrIsTerminal whether standard error is a terminal, for the progress line
 * @param foreground how {@code emulator} waits once its server is up
 */
record Dependencies(ClientFactory clients, BooleanSupplier stderrIsTerminal, EmulatorCommand.Foreground foreground) {
    Dependencies {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(stderrIsTerminal, "stderrIsTerminal");
        Objects.requireNonNull(foreground, "foreground");
    }

    /** The real world: the SDK's default chains, the process's own standard error, and waiting until killed. */
    static Dependencies system() {
        return new Dependencies(new SdkClientFactory(), Progress::stderrIsTerminal, EmulatorCommand.UNTIL_KILLED);
    }
}
