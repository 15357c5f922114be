package dev.fn4j.maven.run;

import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.maven.core.ApiKey;
import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.DeployService;
import dev.fn4j.maven.core.DeployedFunction;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.maven.core.GoalLog;
import dev.fn4j.maven.core.ImageService;
import dev.fn4j.maven.core.RuntimeConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn fn:run}: checks the project's functions, starts a local runtime, deploys them,
 * then watches the compiled classes and swaps in new code and shows each call, until the runtime
 * ends or the build is stopped (Ctrl-C stops the runtime through its shutdown hook).
 */
public final class LocalRun {

    /** How long the console waits between two reads of the calls. */
    private static final long POLL_MILLIS = 250;

    /** How long the runtime may take to answer after it started. */
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final RunSettings settings;
    private final BuildInputs inputs;
    private final List<FunctionTarget> targets;
    private final GoalLog log;

    /** A run of {@code targets}, built from {@code inputs}, reporting to {@code log}. */
    public LocalRun(RunSettings settings, BuildInputs inputs, List<FunctionTarget> targets, GoalLog log) {
        this.settings = settings;
        this.inputs = inputs;
        this.targets = List.copyOf(targets);
        this.log = log;
    }

    /** Runs until the runtime ends or the thread is interrupted. */
    public void run() throws FnFailureException, FnExecutionException {
        ImageService images = new ImageService(log);
        // Every check of the functions before anything starts.
        images.prepare(inputs, targets);
        if (!settings.sandboxed()) {
            RunMessages.unsandboxed().forEach(log::warn);
        }
        String adminKey = newAdminKey();
        RuntimeConnection connection = RuntimeConnection.open(settings.url(), ApiKey.of(adminKey, "fn:run", "fn4j"));
        try (RuntimeProcess runtime = RuntimeProcess.start(settings, adminKey, log);
                ClassesWatcher watcher = watcher()) {
            runtime.awaitReady(() -> answers(connection), START_TIMEOUT_MILLIS);
            Reloader reloader = new Reloader(inputs, targets, images, new DeployService(connection, log), log);
            List<String> names = deployFirst(reloader, connection);
            serve(runtime, watcher, reloader, new CallConsole(connection.client(), log), names);
        } catch (IOException e) {
            throw new FnExecutionException("Cannot watch " + inputs.classesDir() + ": " + e.getMessage(), e);
        }
    }

    private List<String> deployFirst(Reloader reloader, RuntimeConnection connection)
            throws FnExecutionException, FnFailureException {
        List<String> names = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (FunctionTarget target : targets) {
            names.add(target.name());
            urls.add(target.name() + ": " + connection.absolute("/fn/" + target.name()));
        }
        try {
            List<DeployedFunction> deployed = reloader.deploy();
            urls.clear();
            for (DeployedFunction function : deployed) {
                urls.add(function.name() + ": " + function.url() + " (revision " + function.revision() + ")");
            }
        } catch (FnFailureException e) {
            // The loop is for fixing exactly this: say so and wait for the next compile.
            log.warn("The functions are not deployed yet: " + e.getMessage());
        }
        RunMessages.serving(settings.url(), urls, Path.of(inputs.display(inputs.classesDir())), settings.sandboxed())
                .forEach(log::info);
        return names;
    }

    private void serve(
            RuntimeProcess runtime, ClassesWatcher watcher, Reloader reloader, CallConsole console, List<String> names)
            throws FnFailureException, FnExecutionException, IOException {
        ChangeBatcher batcher = new ChangeBatcher(settings.quiet(), settings.maxWait());
        console.poll(names);
        while (!Thread.currentThread().isInterrupted()) {
            if (!runtime.isAlive()) {
                if (runtime.stoppedOnRequest()) {
                    return;
                }
                runtime.throwStopped();
            }
            long untilDue = batcher.nanosUntilDue(System.nanoTime());
            long wait = untilDue < 0 ? POLL_MILLIS : Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(untilDue));
            try {
                watcher.poll(wait, path -> batcher.changed(path, System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ChangeBatcher.Batch batch = batcher.takeIfDue(System.nanoTime());
            if (batch != null) {
                reloader.reload(batch);
            }
            console.poll(names);
        }
    }

    private ClassesWatcher watcher() throws IOException {
        return new ClassesWatcher(inputs.classesDir());
    }

    private static boolean answers(RuntimeConnection connection) {
        try {
            connection.client().health();
            return true;
        } catch (RuntimeClientException e) {
            return false;
        }
    }

    /** A fresh admin key for this run: the runtime adopts it; it is never printed. */
    private static String newAdminKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "fnrun-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
