package io.github.asyncinvokelister.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time that processes other than this one and its children used, from Linux's {@code /proc}: on a shared
 * machine a benchmark's figures mean little unless this is near zero. Everything this JVM runs (JMH forks, the
 * memory check, python3) is a child it waits for, so its CPU time counts as ours.
 */
final class MachineLoad {
    /** Linux's USER_HZ, the unit of {@code /proc/stat} and {@code /proc/self/stat}, is 100 on every platform. */
    private static final double TICKS_PER_SECOND = 100;

    private final long machineBusy;
    private final long ours;
    private final long startNanos;

    private MachineLoad(long machineBusy, long ours) {
        this.machineBusy = machineBusy;
        this.ours = ours;
        this.startNanos = System.nanoTime();
    }

    /** A reading now; empty where {@code /proc} is not Linux's. */
    static Optional<MachineLoad> now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            // After the command name: state is field 3, so utime, stime, cutime, cstime (14 to 17) are 11 to 14.
            long ours = 0;
            for (int i = 11; i <= 14; i++) {
                ours += Long.parseLong(fields[i]);
            }
            return Optional.of(new MachineLoad(total - idle, ours));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What other processes used since this reading, as a sentence.
     *
     * @return such as {@code "other processes used 0.4 CPU-s in 62 s (0% of 2 CPUs)"}
     */
    String othersSince() {
        Optional<MachineLoad> end = now();
        if (end.isEmpty()) {
            return "other processes' CPU time unknown";
        }
        double others = Math.max(0, (end.get().machineBusy - machineBusy) - (end.get().ours - ours))
                / TICKS_PER_SECOND;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        int cpus = Runtime.getRuntime().availableProcessors();
        return String.format("other processes used %.1f CPU-s in %.0f s (%.0f%% of %d CPUs)", others, seconds,
                100 * others / (seconds * cpus), cpus);
    }
}
