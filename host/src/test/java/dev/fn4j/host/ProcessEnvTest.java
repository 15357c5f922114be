package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessEnvTest {

    @Test
    void withoutTheStemsOpenedPackagesItSaysWhyItCannot() {
        // The tests' JVM opens neither java.lang nor java.util; a stem's does (StemAssignment.JVM_OPTIONS).
        assertThatThrownBy(() -> ProcessEnv.putAll(Map.of("FN4J_TEST_VARIABLE", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot set the function's environment variables on this JVM: ")
                .hasMessageContaining("does not \"opens java.lang\" to unnamed module");
    }
}
