package io.github.asyncinvokelister.cli;

/**
 * What to do when the process is told to stop (SIGINT, SIGTERM): the JVM runs a shutdown hook on either signal,
 * then halts with 128 plus the signal's number. Tests put in their own, or {@link #NONE}.
 */
@FunctionalInterface
interface Interrupts {
    /** The JVM's: the action runs in a shutdown hook while it is registered. */
    Interrupts JVM = action -> {
        Thread hook = new Thread(action, "async-invoke-lister-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: the JVM is halting.
            }
        };
    };

    /** Never told to stop: for tests that run commands in their own JVM. */
    Interrupts NONE = action -> () -> {
    };

    /**
     * Runs {@code action} on another thread if the process is told to stop while the registration is open.
     *
     * @param action what to do
     * @return the registration; closing it removes the action
     */
    Registration onSignal(Runnable action);

    /** An action registered with {@link #onSignal}. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        /** Removes the action. */
        @Override
        void close();
    }
}
