package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for a started container's host to connect once per concurrency slot, and turns every way
 * that can fail (a timeout, the container exiting, the handler failing) into the error a deploy
 * or a call reports, removing the container. Whether the JVM started with the container or
 * before it knew its function (a stem), readiness is the same Hello.
 */
final class Readiness {

    private static final Duration EXIT_CHECK = Duration.ofMillis(500);

    private final ContainerEngine engine;
    private final Duration startTimeout;
    private final ExecutorService watchers;
    private final ScheduledExecutorService timers;
    private final InstanceRemover remover;
    private final Clock clock;

    Readiness(
            ContainerEngine engine,
            Duration startTimeout,
            ExecutorService watchers,
            ScheduledExecutorService timers,
            InstanceRemover remover,
            Clock clock) {
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
        this.engine = engine;
        this.startTimeout = startTimeout;
        this.watchers = watchers;
        this.timers = timers;
        this.remover = remover;
        this.clock = clock;
    }

    /** Returns the instance READY with all its slots idle, or throws having removed its container. */
    Instance await(Function function, String instanceId, String containerId, HostEndpoint socket, Path dir) {
        AtomicBoolean ready = new AtomicBoolean();
        AtomicReference<ContainerState> exited = new AtomicReference<>();
        // A host that dies during start-up never connects: watch the container so we stop waiting.
        watchers.execute(() -> {
            while (!ready.get() && exited.get() == null) {
                try {
                    ContainerState state = engine.awaitStopped(containerId, EXIT_CHECK);
                    if (state == null || !state.running()) {
                        exited.set(state == null ? new ContainerState(false, -1, false, "gone") : state);
                        socket.abort();
                    }
                } catch (EngineException e) {
                    socket.abort();
                    return;
                }
            }
        });
        ScheduledFuture<?> timeout = timers.schedule(socket::abort, startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            List<HostConnection> connections = socket.awaitHosts(function.spec().concurrency(), instanceId);
            ready.set(true);
            return new Instance(instanceId, function, containerId, dir, connections, clock.instant());
        } catch (HandlerFailedException e) {
            ready.set(true);
            socket.abort();
            remover.removeContainer(containerId, dir);
            throw handlerFailed(function, e);
        } catch (IOException e) {
            ready.set(true);
            socket.abort();
            remover.removeContainer(containerId, dir);
            throw new ApiException(ErrorCode.START_FAILED, failure(function, containerId, exited.get(), e), e);
        } finally {
            timeout.cancel(false);
        }
    }

    private static ApiException handlerFailed(Function function, HandlerFailedException report) {
        return new ApiException(
                ErrorCode.HANDLER_FAILED,
                "the handler of '" + function.name() + "' revision " + function.revision()
                        + " failed to start; fix it and deploy again: " + report.getMessage(),
                report);
    }

    private String failure(Function function, String containerId, ContainerState exit, IOException cause) {
        String prefix = "the instance of '" + function.name() + "' revision " + function.revision() + " ";
        if (exit == null) {
            return prefix + "did not connect within " + startTimeout.toSeconds() + "s (" + cause.getMessage() + ")";
        }
        String why = exit.oomKilled() ? "ran out of memory" : "exited with code " + exit.exitCode();
        String logs = remover.lastLogLines(containerId);
        return prefix + why + " before it was ready"
                + (logs.isEmpty() ? "" : ": " + logs)
                + (exit.exitCode() == 2 ? "; check the function's \"handler\"" : "");
    }
}
