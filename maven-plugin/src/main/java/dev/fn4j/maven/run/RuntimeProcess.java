package dev.fn4j.maven.run;

import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.GoalLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The fn4j runtime as a child process of the build: started on loopback with
 * {@code --open-loopback} and {@code --parent-pid} (so it stops, and removes its containers, when
 * the build's JVM ends, even by {@code kill -9}), its output relayed to the console, stopped
 * by {@link #close} or by the JVM's shutdown (Ctrl-C).
 */
final class RuntimeProcess implements AutoCloseable {

    /** The runtime's exit status when it cannot use the container engine (runtime Main). */
    static final int EXIT_NO_ENGINE = 69;

    /** How the runtime's line on an unusable container engine starts (runtime Main). */
    private static final String ENGINE_FAILURE = "cannot use the container engine:";

    /** How many of the runtime's last lines a failure quotes. */
    private static final int LAST_LINES = 8;

    private final Process process;
    private final GoalLog log;
    private final Thread shutdownHook;
    /** Relays the runtime's output; ends when the output does. */
    private final Thread pump;
    /** Counted down once {@link #stop} has run to its end: the runtime is gone and its output said. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Set when {@link #stop} begins: the runtime ends because it was asked to, not by itself. */
    private volatile boolean stopping;
    /** The runtime's last output lines, oldest first; guarded by itself. */
    private final Deque<String> lastLines = new ArrayDeque<>();

    private RuntimeProcess(Process process, GoalLog log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "fn4j-run-stop");
        this.pump = new Thread(() -> relay(process.getInputStream(), log), "fn4j-run-output");
        pump.setDaemon(true);
    }

    /**
     * Starts the runtime and relays its output to {@code log}.
     *
     * @param adminKey the admin key the runtime adopts (passed in its environment, not on its
     *     command line, so {@code ps} does not show it)
     */
    static RuntimeProcess start(RunSettings settings, String adminKey, GoalLog log) throws FnExecutionException {
        ProcessBuilder builder = new ProcessBuilder(command(settings)).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // The user's FN4J_* settings are for their real runtime, never this one (its database…).
        env.keySet().removeIf(name -> name.startsWith("FN4J_"));
        env.put("FN4J_ADMIN_KEY", adminKey);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new FnExecutionException(
                    "Cannot start the fn4j runtime (" + settings.runtimeJar() + "): " + e.getMessage(), e);
        }
        return watch(process, log);
    }

    /** Relays a started runtime's output to {@code log} and stops it when the JVM shuts down. */
    static RuntimeProcess watch(Process process, GoalLog log) {
        RuntimeProcess runtime = new RuntimeProcess(process, log);
        Runtime.getRuntime().addShutdownHook(runtime.shutdownHook);
        runtime.pump.start();
        return runtime;
    }

    static List<String> command(RunSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A local runtime starts often and serves few calls: the quick compiler is enough.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-jar", settings.runtimeJar().toString()));
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(settings.port())));
        command.addAll(List.of("--data-dir", settings.dataDir().toString()));
        command.add("--open-loopback");
        command.addAll(
                List.of("--parent-pid", Long.toString(ProcessHandle.current().pid())));
        // Calls of a developer's loop are short; Ctrl-C should not wait long for them.
        command.addAll(List.of("--shutdown-grace-seconds", "5"));
        if (!settings.sandboxed()) {
            command.addAll(List.of("--engine", "in-process"));
        }
        if (settings.containerLabel() != null) {
            command.addAll(List.of("--container-label", settings.containerLabel()));
        }
        return command;
    }

    /**
     * Waits until {@code ready} says the runtime answers.
     *
     * @throws FnFailureException when the runtime cannot use a container engine
     * @throws FnExecutionException when it stopped or did not answer in time
     */
    void awaitReady(BooleanSupplier ready, long timeoutMillis) throws FnFailureException, FnExecutionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throwStopped();
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        stop();
        throw new FnExecutionException(
                "The fn4j runtime did not answer within " + timeoutMillis / 1000 + " s; its last lines:" + lastLines(),
                null);
    }

    /** Whether the runtime still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Throws the failure of a runtime that ended: the user's when it found no container engine,
     * the infrastructure's otherwise; both quote what it said.
     */
    void throwStopped() throws FnFailureException, FnExecutionException {
        int status = exitValue();
        try {
            // The relay reads to the end of the output once the process is gone.
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String reason = engineFailure();
        if (status == EXIT_NO_ENGINE && reason != null) {
            throw new FnFailureException(RunMessages.noEngine(reason));
        }
        throw new FnExecutionException(
                "The fn4j runtime stopped (exit status " + status + "); its last lines:" + lastLines(), null);
    }

    /** What the runtime said about the container engine it cannot use, or null. */
    private String engineFailure() {
        synchronized (lastLines) {
            for (String line : lastLines) {
                int at = line.indexOf(ENGINE_FAILURE);
                if (at >= 0) {
                    return line.substring(at + ENGINE_FAILURE.length()).strip();
                }
            }
        }
        return null;
    }

    private int exitValue() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? " (none)" : "\n  " + String.join("\n  ", lastLines);
        }
    }

    private void relay(InputStream output, GoalLog log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lastLines) {
                    if (lastLines.size() == LAST_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                log.info("[runtime] " + line);
            }
        } catch (IOException e) {
            // The runtime is gone; its exit status says how.
        }
    }

    /**
     * Stops the runtime (SIGTERM: it lets calls finish for a few seconds and removes its
     * containers) and waits for it and for the last of its output.
     */
    void stop() {
        stopping = true;
        try {
            stopAndWait();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Whether {@link #stop} was asked for (Ctrl-C runs it in a shutdown hook); if so, waits until
     * it is done, so that the goal's thread ends quietly instead of reporting the runtime's exit
     * over the stop's own lines on the same console.
     */
    boolean stoppedOnRequest() {
        if (!stopping) {
            return false;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private void stopAndWait() {
        if (!process.isAlive()) {
            return;
        }
        try {
            log.info("Stopping the local fn4j runtime; it removes its containers.");
        } catch (RuntimeException e) {
            // A console that fails while the JVM shuts down must not leave the runtime running.
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("The local fn4j runtime did not stop within 30 s: killed; the next mvn fn:run"
                        + " removes the containers it left.");
                process.destroyForcibly();
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // On Ctrl-C this runs in a shutdown hook, and the JVM halts after it: flush what was said.
        System.out.flush();
        System.err.flush();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook is running or has run.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
