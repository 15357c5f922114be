package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LoopbackTrustTest {

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void onLetsKeylessLoopbackRequestsCallFunctions() throws Exception {
        assertThat(LoopbackTrust.ON.lets(address("127.0.0.1"), Scope.INVOKE)).isTrue();
        assertThat(LoopbackTrust.ON.lets(address("127.8.9.10"), Scope.INVOKE)).isTrue();
        assertThat(LoopbackTrust.ON.lets(address("::1"), Scope.INVOKE)).isTrue();
    }

    @Test
    void offTrustsNobody() throws Exception {
        assertThat(LoopbackTrust.OFF.lets(address("127.0.0.1"), Scope.INVOKE)).isFalse();
        assertThat(LoopbackTrust.of(false)).isSameAs(LoopbackTrust.OFF);
        assertThat(LoopbackTrust.of(true).enabled()).isTrue();
    }

    @Test
    void otherAddressesStillNeedAKey() throws Exception {
        for (String remote : new String[] {"192.168.1.20", "10.0.0.1", "0.0.0.0", "::ffff:10.0.0.1"}) {
            assertThat(LoopbackTrust.ON.lets(address(remote), Scope.INVOKE))
                    .as(remote)
                    .isFalse();
        }
        assertThat(LoopbackTrust.ON.lets(null, Scope.INVOKE)).isFalse();
    }

    @Test
    void adminRoutesStillNeedAnAdminKeyFromLoopback() throws Exception {
        assertThat(LoopbackTrust.ON.lets(address("127.0.0.1"), Scope.ADMIN)).isFalse();
    }
}
