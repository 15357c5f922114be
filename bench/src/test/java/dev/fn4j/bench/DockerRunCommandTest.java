package dev.fn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.engine.InstanceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerRunCommandTest {

    private static final InstanceSpec SPEC = new InstanceSpec(
            "fn4j-bench-x-host-0",
            "sha256:abc",
            HostEnv.of(HostEnv.CONTAINER_SOCKET),
            Map.of(BenchContext.RUN_LABEL, "x"),
            Path.of("/tmp/fn4jb-1/c0"),
            256L * 1024 * 1024,
            1_500_000_000L);

    @Test
    void writesTheRuntimesLockdownAsDockerRunFlags() {
        String command = String.join(" ", DockerRunCommand.of(SPEC));

        assertThat(command)
                .startsWith("run -d --name fn4j-bench-x-host-0" + " --label dev.fn4j.bench-run=x --user "
                        + ImageLayout.USER + " ")
                .contains(
                        " --network none --read-only --tmpfs /tmp:rw,exec,nosuid,nodev,size=65536k,uid=65532,gid=65532,mode=0700"
                                + " --cap-drop ALL --security-opt no-new-privileges --ipc private"
                                + " --pids-limit 128 --memory 268435456 --memory-swap 268435456"
                                + " --cpu-period 100000 --cpu-quota 150000 --ulimit nofile=1024:1024 --log-driver json-file"
                                + " --log-opt max-file=1 --log-opt max-size=1m --init"
                                + " --mount type=bind,source=/tmp/fn4jb-1/c0,target="
                                + Protocol.CONTAINER_SOCKET_DIR + " ")
                .contains(" -e " + Protocol.ENV_SOCKET + "=/fn4j/fn.sock")
                .contains(" -e " + Protocol.ENV_HANDLER + "=" + Echo.class.getName())
                .endsWith(" sha256:abc")
                .doesNotContain("--privileged", "--rm", "--restart", "--oom-kill-disable");
    }

    @Test
    void refusesAHostSettingItCannotWrite() {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("none").withCapAdd(Capability.NET_ADMIN);

        assertThatThrownBy(() -> DockerRunCommand.hostFlags(host))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CapAdd");
    }

    @Test
    void givesTheHostTheProtocolsEnvironment() {
        assertThat(HostEnv.of("/s/fn.sock"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Protocol.ENV_SOCKET,
                        "/s/fn.sock",
                        Protocol.ENV_INSTANCE_ID,
                        "bench",
                        Protocol.ENV_HANDLER,
                        Echo.class.getName(),
                        Protocol.ENV_FUNCTION,
                        "echo",
                        Protocol.ENV_CONCURRENCY,
                        "1",
                        Protocol.ENV_CONFIG_KEYS,
                        ""));
        assertThat(List.copyOf(HostEnv.of("x").keySet())).doesNotContain(Protocol.ENV_LOG_LIMIT_BYTES);
    }
}
