package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Without an engine the sandbox is skipped with a reason that says where it looked and what to do. */
class DockerEngineTest {

    @Test
    void explainsAMissingSocket() {
        String reason = DockerEngine.unavailableReason("unix:///nonexistent/docker.sock");

        assertThat(reason)
                .isEqualTo("no Docker engine answers at unix:///nonexistent/docker.sock (/nonexistent/docker.sock does"
                        + " not exist); start one, or set DOCKER_HOST, to run the tests that use the fn4j sandbox");
    }

    @Test
    void explainsATcpEngineThatDoesNotAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThat(DockerEngine.unavailableReason("tcp://127.0.0.1:" + port))
                .startsWith("no Docker engine answers at tcp://127.0.0.1:" + port + " (")
                .endsWith("to run the tests that use the fn4j sandbox");
    }
}
