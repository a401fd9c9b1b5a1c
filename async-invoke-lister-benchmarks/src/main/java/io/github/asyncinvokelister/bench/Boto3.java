package io.github.asyncinvokelister.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** boto3_paginate.py (a resource of this package, packed into benchmarks.jar) run by the python3 on the PATH. */
final class Boto3 {
    private static final String SCRIPT = "boto3_paginate.py";

    private final Path script;

    private Boto3(Path script) {
        this.script = script;
    }

    /**
     * The script, if python3 is on the PATH and imports boto3; otherwise empty, with the reason printed.
     */
    static Optional<Boto3> find() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() != 0) {
                System.out.println("boto3: skipped, python3 cannot import boto3 (pip install boto3)");
                return Optional.empty();
            }
        } catch (IOException e) {
            System.out.println("boto3: skipped, python3 is not on the PATH");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new Boto3(extractScript()));
    }

    ChildProcess.Output run(String command, URI endpoint, String... options) {
        List<String> line = new ArrayList<>(List.of("python3", script.toString(), command, endpoint.toString()));
        line.addAll(List.of(options));
        ChildProcess.Output output = ChildProcess.run(line);
        if (output.exitCode() != 0) {
            throw new IllegalStateException(SCRIPT + " " + command + " failed with exit code " + output.exitCode());
        }
        return output;
    }

    private static Path extractScript() {
        try (InputStream in = Boto3.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not in the class path");
            }
            Path copy = Files.createTempFile("boto3_paginate", ".py");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
