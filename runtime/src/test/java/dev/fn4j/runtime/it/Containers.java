package dev.fn4j.runtime.it;

import dev.fn4j.runtime.engine.Labels;
import java.util.List;
import java.util.Map;

/** Looks at the engine directly, to check what the runtime did to containers. */
final class Containers {

    private Containers() {}

    /** Ids of the containers, running or not, of one function of one runtime. */
    static List<String> ofFunction(String runtimeId, String function) {
        return DockerInspector.withLabels(Map.of(Labels.RUNTIME, runtimeId, Labels.FUNCTION, function));
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
