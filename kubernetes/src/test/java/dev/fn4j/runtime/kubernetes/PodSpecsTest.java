package dev.fn4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodSpecsTest {

    @Test
    void containerNameBecomesALowerCasePodName() {
        assertThat(PodSpecs.podName("fn4j-My_Fn-0a1b2c3d4e5f")).isEqualTo("fn4j-my-fn-0a1b2c3d4e5f");
    }

    @Test
    void tooLongNameKeepsTheInstanceIdAtItsEnd() {
        String name = PodSpecs.podName("fn4j-" + "f".repeat(80) + "-0a1b2c3d4e5f");
        assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-0a1b2c3d4e5f").startsWith("fn4j-fff");
    }
}
