package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void kubernetesWithoutItsJarSaysWhichJarBringsIt() {
        assertThatThrownBy(() -> Engines.open("kubernetes", Map.of(), EnginesTest.class.getClassLoader()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("the Kubernetes engine is not on the class path")
                .hasMessageContaining("fn4j-runtime-kubernetes.jar");
    }

    @Test
    void unknownEngineNamesTheChoices() {
        assertThatThrownBy(() -> Engines.open("podman", Map.of(), EnginesTest.class.getClassLoader()))
                .isInstanceOf(EngineException.class)
                .hasMessage("unknown engine 'podman': --engine (or FN4J_ENGINE) must be docker or kubernetes");
    }
}
