package dev.fn4j.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks, from the host's {@code /proc}, that a running container has a network namespace of its
 * own with nothing but loopback in it: what "no network" means, whichever of Docker's network
 * modes gave it. Needs the test and the Docker engine on one machine, as every IT here does.
 */
public final class NetworkNamespaces {

    private NetworkNamespaces() {}

    /** Fails unless the running container's network is a namespace of its own holding only {@code lo}. */
    public static void assertLoopbackOnly(InspectContainerResponse container) throws IOException {
        assertThat(container.getHostConfig().getNetworkMode()).isIn("none", "default");
        // Docker lists "none", or "bridge" with no id when the engine has none: neither has an address.
        container
                .getNetworkSettings()
                .getNetworks()
                .forEach((name, network) -> assertThat(Objects.toString(network.getIpAddress(), "")
                                + Objects.toString(network.getGlobalIPv6Address(), "")
                                + Objects.toString(network.getGateway(), ""))
                        .as("addresses on network %s", name)
                        .isNullOrEmpty());
        Long pid = container.getState().getPidLong();
        assertThat(pid).as("the container's pid").isNotNull().isPositive();
        Path proc = Path.of("/proc", pid.toString());
        assertThat(Files.readSymbolicLink(proc.resolve("ns/net")))
                .as("the container's network namespace")
                .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
        assertThat(interfaces(proc)).containsExactly("lo");
    }

    /** The interface names in {@code /proc/PID/net/dev}, past its two header lines. */
    private static List<String> interfaces(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("net/dev")).stream()
                .skip(2)
                .map(line -> line.substring(0, line.indexOf(':')).strip())
                .toList();
    }
}
