package dev.fn4j.runtime.kubernetes;

import dev.fn4j.runtime.engine.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Set;

/** Reads the engine contract's {@link ContainerState} out of a pod's status. */
final class PodStates {

    /**
     * Waiting reasons from which a pod with restartPolicy Never never starts: reported as stopped,
     * so a start fails at once instead of at its timeout.
     */
    static final Set<String> NEVER_STARTS = Set.of(
            "ErrImagePull",
            "ImagePullBackOff",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError");

    private PodStates() {}

    /** The pod's state; {@code null} for no pod. A pending pod counts as running: it has not stopped. */
    static ContainerState of(Pod pod) {
        if (pod == null) {
            return null;
        }
        PodStatus status = pod.getStatus();
        ContainerStatus container = container(status);
        if (container != null && container.getState() != null) {
            ContainerStateTerminated terminated = container.getState().getTerminated();
            if (terminated != null) {
                int exit = terminated.getExitCode() == null ? -1 : terminated.getExitCode();
                return new ContainerState(
                        false, exit, "OOMKilled".equals(terminated.getReason()), text(terminated.getMessage()));
            }
            ContainerStateWaiting waiting = container.getState().getWaiting();
            if (waiting != null && NEVER_STARTS.contains(waiting.getReason())) {
                return new ContainerState(false, -1, false, waiting.getReason() + ": " + text(waiting.getMessage()));
            }
        }
        String phase = status == null ? "" : text(status.getPhase());
        return switch (phase) {
            case "Succeeded" -> new ContainerState(false, 0, false, "");
            case "Failed" ->
                new ContainerState(false, -1, false, text(status.getReason()) + " " + text(status.getMessage()));
            default -> new ContainerState(true, 0, false, "");
        };
    }

    /** Whether the pod runs and its container has started: the engine's part of readiness. */
    static boolean isRunning(Pod pod) {
        if (pod == null
                || pod.getStatus() == null
                || !"Running".equals(pod.getStatus().getPhase())) {
            return false;
        }
        ContainerStatus container = container(pod.getStatus());
        return container != null
                && container.getState() != null
                && container.getState().getRunning() != null;
    }

    private static ContainerStatus container(PodStatus status) {
        if (status == null || status.getContainerStatuses() == null) {
            return null;
        }
        return status.getContainerStatuses().stream()
                .filter(c -> PodSpecs.CONTAINER.equals(c.getName()))
                .findFirst()
                .orElse(null);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
