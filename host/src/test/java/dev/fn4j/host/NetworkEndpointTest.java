package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkEndpointTest {

    private static final String TOKEN = "ab".repeat(32);

    @Test
    void unsetAddressMeansTheUnixSocket() throws Exception {
        assertThat(NetworkEndpoint.fromEnv(Map.of("FN4J_INSTANCE_TOKEN", TOKEN)))
                .isNull();
    }

    @Test
    void addressAndTokenMakeTheTokenLine() throws Exception {
        NetworkEndpoint endpoint = NetworkEndpoint.fromEnv(Map.of(
                "FN4J_RUNTIME_ADDRESS", "fn4j-runtime.fn4j.svc:7070",
                "FN4J_INSTANCE_ID", "3f2a9c01b7de",
                "FN4J_INSTANCE_TOKEN", TOKEN));
        assertThat(endpoint.host()).isEqualTo("fn4j-runtime.fn4j.svc");
        assertThat(endpoint.port()).isEqualTo(7070);
        assertThat(new String(endpoint.preamble(), StandardCharsets.US_ASCII))
                .isEqualTo("FN4J-TOKEN/1 3f2a9c01b7de " + TOKEN + "\n");
        assertThat(endpoint.toString()).isEqualTo("fn4j-runtime.fn4j.svc:7070").doesNotContain(TOKEN);
    }

    @Test
    void bracketedIpv6AddressLosesItsBrackets() throws Exception {
        NetworkEndpoint endpoint = NetworkEndpoint.fromEnv(
                Map.of("FN4J_RUNTIME_ADDRESS", "[::1]:7070", "FN4J_INSTANCE_ID", "i1", "FN4J_INSTANCE_TOKEN", TOKEN));
        assertThat(endpoint.host()).isEqualTo("::1");
    }

    @Test
    void addressWithoutPortIsABadEnvironment() {
        assertThatThrownBy(() -> NetworkEndpoint.fromEnv(Map.of("FN4J_RUNTIME_ADDRESS", "runtime")))
                .isInstanceOf(StartupException.class)
                .hasMessage("FN4J_RUNTIME_ADDRESS must be host:port: 'runtime'");
    }

    @Test
    void missingTokenIsABadEnvironmentThatNeverEchoesTheValue() {
        assertThatThrownBy(() -> NetworkEndpoint.fromEnv(Map.of(
                        "FN4J_RUNTIME_ADDRESS",
                        "127.0.0.1:7070",
                        "FN4J_INSTANCE_ID",
                        "i1",
                        "FN4J_INSTANCE_TOKEN",
                        "secretish")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("FN4J_INSTANCE_TOKEN")
                .hasMessageNotContaining("secretish");
    }
}
