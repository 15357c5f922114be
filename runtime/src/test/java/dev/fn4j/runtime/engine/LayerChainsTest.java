package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerChainsTest {

    // The diff ids are sha256("a"), sha256("b") and sha256("c"); the chains were computed with
    // sha256sum over "<chain> <diff id>".
    private static final String A = "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    private static final String B = "sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";
    private static final String C = "sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6";
    private static final String AB = "sha256:51c0c8ace48498d6f5fee6b0592cc06f2da0f3cbe09c5a34a97dce85c3889676";
    private static final String ABC = "sha256:2fce7f8ce91bcf0a1428b36e1024639fdbd9469eea762dba98aa749631885106";

    @Test
    void theChainOfOneLayerIsItsDiffId() {
        assertThat(LayerChains.of(List.of(A))).containsExactly(A);
    }

    @Test
    void eachFurtherLayerHashesThePreviousChainASpaceAndItsDiffId() {
        assertThat(LayerChains.of(List.of(A, B))).containsExactly(A, AB);
        assertThat(LayerChains.of(List.of(A, B, C))).containsExactly(A, AB, ABC);
    }

    @Test
    void theSameLayerOnAnotherParentIsAnotherChain() {
        assertThat(LayerChains.of(List.of(B, A)).get(1)).isNotEqualTo(AB);
        assertThat(LayerChains.of(List.of(C, B)).get(0)).isEqualTo(C);
    }

    @Test
    void noLayersHaveNoChains() {
        assertThat(LayerChains.of(List.of())).isEmpty();
    }

    @Test
    void rejectsAnythingButSha256AndLowerCaseHexNamingIt() {
        for (String bad : List.of(
                A.toUpperCase(), A.substring(7), A + "0", "sha512:" + A.substring(7), "sha256:" + "g".repeat(64), "")) {
            assertThatThrownBy(() -> LayerChains.of(List.of(A, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> LayerChains.of(Arrays.asList(A, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }
}
