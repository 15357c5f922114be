package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A sandbox's containers carry fn4j's labels and the test's while it runs, and are gone once it is closed. */
class FnSandboxIT {

    @Test
    void removesItsContainersWhenClosed() throws Exception {
        String reason = FnSandbox.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "fn4j sandbox skipped: " + reason);
        Path workDir = Path.of("target", "fn4j-sandbox-" + UUID.randomUUID());
        String runtimeId;

        try (FnSandbox sandbox = FnSandbox.builder("dev.fn4j.test.fns.Shouter")
                .functionName("shouter")
                .containerLabel("dev.fn4j.test", "true")
                .workDir(workDir)
                .start()) {
            assertThat(sandbox.invokeText("quiet").expectSuccess().text()).isEqualTo("QUIET");
            runtimeId =
                    Files.readString(sandbox.dataDir().resolve("runtime-id")).strip();
            assertThat(containers(runtimeId)).hasSize(1);
        }

        assertThat(containers(runtimeId)).isEmpty();
    }

    /** The ids of the test-labelled containers, running or not, of the sandbox's runtime. */
    private static List<String> containers(String runtimeId) throws IOException, InterruptedException {
        Process docker = new ProcessBuilder(
                        "docker",
                        "ps",
                        "-aq",
                        "--filter",
                        "label=dev.fn4j.test=true",
                        "--filter",
                        "label=dev.fn4j.managed=true",
                        "--filter",
                        "label=dev.fn4j.runtime=" + runtimeId)
                .redirectErrorStream(true)
                .start();
        String out = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(docker.waitFor()).as(out).isZero();
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }
}
