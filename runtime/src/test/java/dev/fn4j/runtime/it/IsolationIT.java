package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.testing.TestContainers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inspects a running instance and checks every part of the isolation promise. */
class IsolationIT {

    private static RuntimeFixture runtime;
    private static InspectContainerResponse container;

    @BeforeAll
    static void start() throws Exception {
        runtime = RuntimeFixture.start();
        String image = runtime.uploadTestImage();
        runtime.deploy("locked", image, Greeter.class.getName(), "\"memory\":\"192m\",\"cpus\":0.5");
        assertThat(runtime.invoke("locked", "{}").status()).isEqualTo(200);
        List<String> ids = Containers.ofFunction(runtime.runtimeId(), "locked");
        assertThat(ids).hasSize(1);
        container = DockerInspector.inspect(ids.get(0));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HostConfig host() {
        return container.getHostConfig();
    }

    @Test
    void hasNoNetwork() {
        assertThat(host().getNetworkMode()).isEqualTo("none");
    }

    @Test
    void hasAReadOnlyRootAndASizeLimitedTmp() {
        assertThat(host().getReadonlyRootfs()).isTrue();
        assertThat(host().getTmpFs()).containsKey("/tmp");
        assertThat(host().getTmpFs().get("/tmp")).contains("size=").contains("noexec");
    }

    @Test
    void dropsEveryCapabilityAndForbidsNewPrivileges() {
        assertThat(Arrays.stream(host().getCapDrop()).map(Enum::name)).containsExactly("ALL");
        assertThat(host().getCapAdd()).isNullOrEmpty();
        assertThat(host().getSecurityOpts()).anyMatch(o -> o.startsWith("no-new-privileges"));
        assertThat(host().getPrivileged()).isFalse();
    }

    @Test
    void runsAsANonRootUser() {
        assertThat(container.getConfig().getUser()).isEqualTo("65532:65532");
    }

    @Test
    void limitsPidsMemoryWithoutSwapCpuAndOpenFiles() {
        assertThat(host().getPidsLimit()).isPositive().isLessThanOrEqualTo(1024);
        assertThat(host().getMemory()).isEqualTo(192L * 1024 * 1024);
        assertThat(host().getMemorySwap()).isEqualTo(host().getMemory());
        assertThat(host().getNanoCPUs()).isEqualTo(500_000_000L);
        Ulimit nofile = Arrays.stream(host().getUlimits())
                .filter(u -> u.getName().equals("nofile"))
                .findFirst()
                .orElseThrow();
        assertThat(nofile.getHardLong()).isPositive().isLessThanOrEqualTo(65536);
    }

    @Test
    void capsLogsAndRunsAnInitProcess() {
        assertThat(host().getLogConfig().getConfig()).containsKey("max-size");
        assertThat(host().getInit()).isTrue();
    }

    @Test
    void mountsNothingButItsSocketDirectory() {
        assertThat(container.getMounts()).hasSize(1);
        var mount = container.getMounts().get(0);
        assertThat(mount.getDestination().getPath()).isEqualTo("/fn4j");
        assertThat(mount.getSource()).startsWith("/tmp/fn4j-it-").contains("/instances/");
        assertThat(host().getMounts()).hasSize(1);
        assertThat(host().getBinds()).isNullOrEmpty();
        assertThat(host().getVolumesFrom()).isNullOrEmpty();
    }

    @Test
    void carriesTheFn4jLabels() {
        assertThat(container.getConfig().getLabels())
                .containsEntry(Labels.RUNTIME, runtime.runtimeId())
                .containsEntry(Labels.FUNCTION, "locked")
                .containsEntry(Labels.REVISION, "1")
                .containsKey(Labels.INSTANCE)
                .as("--container-label")
                .containsEntry(TestContainers.LABEL, TestContainers.VALUE);
    }
}
