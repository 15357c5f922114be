package dev.fn4j.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.protocol.Protocol;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void theSandboxIsDockerUnlessNone() throws Exception {
        assertThat(RunOptions.sandboxed(null)).isTrue();
        assertThat(RunOptions.sandboxed(" Docker ")).isTrue();
        assertThat(RunOptions.sandboxed("none")).isFalse();
        assertThatThrownBy(() -> RunOptions.sandboxed("podman"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<runSandbox> (-Dfn.run.sandbox) is 'podman', not a sandbox: use docker (the default:"
                        + " each function in its container) or none.");
    }

    @Test
    void aPortMustBeOneAndFree() throws Exception {
        assertThatThrownBy(() -> RunOptions.port("80a"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<runPort> (-Dfn.run.port) is '80a', not a port: use 1 to 65535, e.g. 8080.");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertThatThrownBy(() -> RunOptions.port(port))
                    .isInstanceOf(FnFailureException.class)
                    .hasMessage("<runPort> (-Dfn.run.port) is '" + port + "', a port something else listens on"
                            + " already: stop that, or choose another port.");
        }
        assertThat(RunOptions.port(null)).isBetween(1, 65535);
    }

    @Test
    void aLabelIsKeyEqualsValue() throws Exception {
        assertThat(RunOptions.label(null)).isNull();
        assertThat(RunOptions.label("dev.fn4j.test=true")).isEqualTo("dev.fn4j.test=true");
        assertThatThrownBy(() -> RunOptions.label("no-value"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<runContainerLabel> (-Dfn.run.containerLabel) is 'no-value', not a container label:"
                        + " use <key>=<value>, e.g. com.example.owner=me.");
    }

    @Test
    void theDataGoesUnderTargetUnlessThePathIsTooLongForSockets() {
        assertThat(RunOptions.dataDir(Path.of("/home/ada/hello/target")))
                .isEqualTo(Path.of("/home/ada/hello/target/fn4j-run"));
        Path deep = Path.of("/home/ada/" + "projects/".repeat(10) + "hello/target");
        Path dir = RunOptions.dataDir(deep);
        assertThat(dir.toString()).hasSizeLessThanOrEqualTo(Protocol.MAX_DATA_DIR_LENGTH);
        assertThat(dir.getFileName().toString()).startsWith("fn4j-run-");
        assertThat(RunOptions.dataDir(deep)).isEqualTo(dir);
    }
}
