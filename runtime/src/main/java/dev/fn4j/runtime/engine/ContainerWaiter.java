package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.WaitResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Waits for a container to stop with Docker's wait call, which answers the moment the container
 * exits, rather than polling. Each wait is cut to a slice shorter than the client's response
 * timeout, so a long timeout never looks like a hung engine.
 */
final class ContainerWaiter {

    /** Well under {@link DockerClientFactory#RESPONSE_TIMEOUT}. */
    static final Duration MAX_SLICE = Duration.ofSeconds(30);

    private final DockerClient client;
    private final DockerErrors errors;
    /** Inspects a container; {@code null} when it is gone. */
    private final Function<String, ContainerState> inspector;

    ContainerWaiter(DockerClient client, DockerErrors errors, Function<String, ContainerState> inspector) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /** The state once stopped, the running state at the timeout, or {@code null} when gone. */
    ContainerState awaitStopped(String containerId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ContainerState state = inspector.apply(containerId);
            long left = deadline - System.nanoTime();
            if (state == null || !state.running() || left <= 0) {
                return state;
            }
            waitOnce(containerId, Duration.ofNanos(Math.min(left, MAX_SLICE.toNanos())));
        }
    }

    /** One wait call; returns when the container stopped or vanished, or the slice ended. */
    private void waitOnce(String containerId, Duration slice) {
        try (BlockingCallback<WaitResponse> callback = new BlockingCallback<>()) {
            client.waitContainerCmd(containerId).exec(callback);
            boolean ended = callback.await(slice);
            Throwable error = callback.error();
            // NotFound: removed meanwhile, which the next inspect reports as null.
            if (ended && error != null && !DockerErrors.isNotFound(error)) {
                throw errors.translate(error, "wait for container " + containerId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for container " + containerId + " to stop", e);
        }
    }
}
