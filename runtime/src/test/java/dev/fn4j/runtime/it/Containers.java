package dev.fn4j.runtime.it;

import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import java.util.List;

/** Looks at the engine directly, to check what the runtime did to containers. */
final class Containers {

    private Containers() {}

    /** Ids of the containers, running or not, of one function of one runtime. */
    static List<String> ofFunction(String runtimeId, String function) {
        try (DockerContainerEngine engine = DockerContainerEngine.fromEnvironment()) {
            return engine.listByLabel(Labels.RUNTIME, runtimeId).stream()
                    .filter(id -> function.equals(DockerInspector.labels(id).get(Labels.FUNCTION)))
                    .toList();
        }
    }

    /** Waits up to ten seconds for the function to have no container at all. */
    static boolean awaitNone(String runtimeId, String function) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ofFunction(runtimeId, function).isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
