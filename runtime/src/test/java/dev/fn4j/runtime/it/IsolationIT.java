package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.TmpUser;
import dev.fn4j.runtime.testing.NetworkNamespaces;
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
        // Two functions of one handler: two instances, each with its own /tmp.
        for (String name : List.of("tmp-a", "tmp-b")) {
            Reply deployed = runtime.deploy(name, image, TmpUser.class.getName(), "\"tmpSize\":\"4m\"");
            assertThat(deployed.status()).as("deploy %s: %s", name, deployed).isEqualTo(201);
            assertThat(runtime.invoke(name, "exists nothing").body()).isEqualTo("false");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HostConfig host() {
        return container.getHostConfig();
    }

    @Test
    void hasNoNetworkButLoopback() throws Exception {
        NetworkNamespaces.assertLoopbackOnly(container);
    }

    @Test
    void hasAReadOnlyRootAndASizeLimitedTmpOwnedByTheFunctionsUser() {
        assertThat(host().getReadonlyRootfs()).isTrue();
        assertThat(host().getTmpFs()).containsKey("/tmp");
        // exec, so native libraries load from java.io.tmpdir; nothing there gains privileges.
        assertThat(host().getTmpFs().get("/tmp"))
                .contains("size=65536k", "nosuid", "nodev", "uid=65532", "gid=65532")
                .doesNotContain("noexec");
    }

    @Test
    void sizesTmpAsTheFunctionsTmpSizeSays() throws Exception {
        InspectContainerResponse tmp = DockerInspector.inspect(
                Containers.ofFunction(runtime.runtimeId(), "tmp-a").get(0));

        assertThat(tmp.getHostConfig().getTmpFs().get("/tmp")).contains("size=4096k");
    }

    @Test
    void theFunctionsUserCanCreateATempFile() {
        Reply reply = runtime.invoke("tmp-a", "create");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).matches("fn4j-\\d+\\.txt uid=65532 in /tmp");
    }

    @Test
    void aFunctionCannotWriteMoreThanItsTmpSize() {
        assertThat(runtime.invoke("tmp-a", "fill 2").body()).isEqualTo("wrote 2 MiB");

        Reply full = runtime.invoke("tmp-a", "fill 8");

        assertThat(full.status()).as("%s", full).isEqualTo(500);
        assertThat(full.errorCode()).isEqualTo("function_error");
        assertThat(full.errorMessage()).isEqualTo("java.io.IOException: No space left on device");
        assertThat(runtime.invoke("tmp-a", "fill 2").body())
                .as("the instance keeps serving once the file is gone")
                .isEqualTo("wrote 2 MiB");
    }

    @Test
    void anotherInstanceDoesNotSeeTheTempFiles() {
        String file = runtime.invoke("tmp-a", "create").body().split(" ")[0];

        assertThat(runtime.invoke("tmp-a", "exists " + file).body()).isEqualTo("true");
        assertThat(runtime.invoke("tmp-b", "exists " + file).body()).isEqualTo("false");
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
        // Half a CPU: the instance started with every core (the startup boost) and was held to its
        // function's cpus before it served.
        assertThat(host().getCpuPeriod()).isEqualTo(100_000L);
        assertThat(host().getCpuQuota()).isEqualTo(50_000L);
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
