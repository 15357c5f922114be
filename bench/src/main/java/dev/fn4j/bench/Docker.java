package dev.fn4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code docker} command line, each call bounded in time and timed. */
final class Docker {

    /** A finished command: its exit code, its output (stdout and stderr) and how long it took. */
    record Result(int exit, String output, long nanos) {
        boolean ok() {
            return exit == 0;
        }

        String trimmed() {
            return output.strip();
        }
    }

    private Docker() {}

    static Result run(int timeoutSeconds, String... args) throws IOException {
        return run(timeoutSeconds, Arrays.asList(args));
    }

    static Result run(int timeoutSeconds, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(args);
        Path out = Files.createTempFile("fn4j-bench-docker-", ".out");
        try {
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean ended;
            try {
                ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted: " + command, e);
            }
            long nanos = System.nanoTime() - t0;
            if (!ended) {
                process.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + "s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), nanos);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs and fails on a non-zero exit. */
    static Result check(int timeoutSeconds, String... args) throws IOException {
        Result result = run(timeoutSeconds, args);
        if (!result.ok()) {
            throw new IOException(
                    "docker " + String.join(" ", args) + " exited with " + result.exit() + ": " + result.trimmed());
        }
        return result;
    }

    /** Full ids of the containers, running or not, with every label given (k=v). */
    /**
     * The containers of the runtime's instances of one function, found by name
     * ({@code fn4j-<function>-<instance>}): an instance that started from a stem carries the
     * stem's labels, not the function's.
     */
    static List<String> instancesOf(String runtimeLabel, String function) {
        return containers(List.of("name=^/?fn4j-" + function + "-[0-9a-f]+$"), runtimeLabel);
    }

    static List<String> containers(String... labels) {
        return containers(List.of(), labels);
    }

    private static List<String> containers(List<String> filters, String... labels) {
        List<String> args = new ArrayList<>(List.of("ps", "-a", "-q", "--no-trunc"));
        for (String filter : filters) {
            args.add("--filter");
            args.add(filter);
        }
        for (String label : labels) {
            args.add("--filter");
            args.add("label=" + label);
        }
        try {
            Result r = run(30, args);
            if (!r.ok()) {
                return List.of();
            }
            return r.trimmed().isEmpty() ? List.of() : List.of(r.trimmed().split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Removes the containers with every label given; returns how many there were. */
    static int removeContainers(String... labels) {
        List<String> ids = containers(labels);
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(ids);
            try {
                run(60, args);
            } catch (IOException e) {
                System.err.println("[bench] could not remove containers " + ids + ": " + e);
            }
        }
        return ids.size();
    }
}
