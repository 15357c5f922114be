package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;

/** Reads the contract's {@link ContainerState} out of Docker's inspect answer. */
final class ContainerStates {

    private ContainerStates() {}

    static ContainerState of(InspectContainerResponse inspected) {
        InspectContainerResponse.ContainerState s = inspected.getState();
        if (s == null) {
            // Docker always sends State; treat its absence as a container that never ran.
            return new ContainerState(false, -1, false, "the engine reported no state");
        }
        Long exit = s.getExitCodeLong();
        return new ContainerState(
                Boolean.TRUE.equals(s.getRunning()),
                exit == null ? -1 : exit.intValue(),
                Boolean.TRUE.equals(s.getOOMKilled()),
                s.getError() == null ? "" : s.getError());
    }
}
