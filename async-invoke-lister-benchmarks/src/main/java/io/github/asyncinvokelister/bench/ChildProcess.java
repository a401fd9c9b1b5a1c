package io.github.asyncinvokelister.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a child process, echoing its output indented and keeping it. */
final class ChildProcess {
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z]+)=(.*)");

    private ChildProcess() {
    }

    /** What a child printed, and how it ended. */
    record Output(int exitCode, List<String> lines) {
        /** The {@code key=value} lines. */
        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : lines) {
                Matcher matcher = KEY_VALUE.matcher(line);
                if (matcher.matches()) {
                    values.put(matcher.group(1), matcher.group(2));
                }
            }
            return values;
        }

        /** The value of the last line that starts with {@code prefix}, after it. */
        String after(String prefix) {
            String found = null;
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    found = line.substring(prefix.length()).trim();
                }
            }
            return found;
        }
    }

    /** A JVM of the same Java as this one, on this one's class path, with these options and main class. */
    static List<String> java(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    static Output run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        List<String> lines = new ArrayList<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("    " + line);
                    lines.add(line);
                }
            }
            return new Output(process.waitFor(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
