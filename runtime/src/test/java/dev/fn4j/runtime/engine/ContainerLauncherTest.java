package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerLauncherTest {

    @Test
    void jvmOptionsGoRightAfterJava() {
        assertThat(ContainerLauncher.withJvmOptions(
                        List.of("java", "-XX:+UseSerialGC", "-cp", "/app", "Main"),
                        List.of("-XX:SharedArchiveFile=/a")))
                .containsExactly("java", "-XX:SharedArchiveFile=/a", "-XX:+UseSerialGC", "-cp", "/app", "Main");
        assertThat(ContainerLauncher.withJvmOptions(List.of("/opt/java/bin/java", "Main"), List.of("-X")))
                .containsExactly("/opt/java/bin/java", "-X", "Main");
    }

    @Test
    void anEntrypointThatIsNotJavaIsLeftAlone() {
        assertThat(ContainerLauncher.withJvmOptions(List.of("/bin/sh", "-c", "run"), List.of("-X")))
                .isNull();
        assertThat(ContainerLauncher.withJvmOptions(List.of(), List.of("-X"))).isNull();
    }

    @Test
    void aClassPathAmongTheOptionsReplacesTheEntrypointsOwn() {
        assertThat(ContainerLauncher.withJvmOptions(
                        List.of("java", "-XX:+UseSerialGC", "-cp", "/app/host.jar:/app/classes", "Main"),
                        List.of("-XX:AOTCache=/a", "-Djava.class.path=/app/host.jar")))
                .containsExactly(
                        "java", "-XX:AOTCache=/a", "-Djava.class.path=/app/host.jar", "-XX:+UseSerialGC", "Main");
        assertThat(ContainerLauncher.withJvmOptions(
                        List.of("java", "--class-path", "/x", "-Djava.class.path=/y", "Main"),
                        List.of("-Djava.class.path=/z")))
                .containsExactly("java", "-Djava.class.path=/z", "Main");
    }
}
