package dev.fn4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {

    @Test
    void defaultsToTheClientsNamespaceTheManifestsLabelsAndPort7070() {
        KubernetesSettings settings = KubernetesSettings.fromEnv(Map.of(), "team-a");
        assertThat(settings.namespace()).isEqualTo("team-a");
        assertThat(settings.runtimeSelector()).isEqualTo(Map.of("app.kubernetes.io/name", "fn4j-runtime"));
        assertThat(settings.instancePort()).isEqualTo(7070);
        assertThat(settings.owner()).isNull();
    }

    @Test
    void podNameAndUidMakeTheOwner() {
        KubernetesSettings settings =
                KubernetesSettings.fromEnv(Map.of("FN4J_POD_NAME", "fn4j-runtime-abc", "FN4J_POD_UID", "u-1"), "ns");
        assertThat(settings.owner()).isEqualTo(new KubernetesSettings.Owner("fn4j-runtime-abc", "u-1"));
    }

    @Test
    void environmentOverridesEachSetting() {
        KubernetesSettings settings = KubernetesSettings.fromEnv(
                Map.of(
                        "FN4J_KUBERNETES_NAMESPACE", "fns",
                        "FN4J_KUBERNETES_RUNTIME_LABELS", "app=fn4j,tier=runtime",
                        "FN4J_INSTANCE_PORT", "9000"),
                "team-a");
        assertThat(settings.namespace()).isEqualTo("fns");
        assertThat(settings.runtimeSelector()).isEqualTo(Map.of("app", "fn4j", "tier", "runtime"));
        assertThat(settings.instancePort()).isEqualTo(9000);
    }

    @Test
    void badPortNamesTheVariable() {
        assertThatThrownBy(() -> KubernetesSettings.fromEnv(Map.of("FN4J_INSTANCE_PORT", "x"), "ns"))
                .hasMessage("FN4J_INSTANCE_PORT must be a port number: 'x'");
    }
}
