package dev.fn4j.runtime.kubernetes;

import dev.fn4j.runtime.engine.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Map;

/**
 * The default-deny NetworkPolicy of a namespace's instance pods: no ingress at all, egress only to
 * the runtime's pods on the instance port. Instances dial their runtime by pod IP, so not even DNS
 * is allowed.
 */
final class InstancePolicy {

    static final String NAME = "fn4j-instances";

    private InstancePolicy() {}

    static NetworkPolicy of(KubernetesSettings settings) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(settings.namespace())
                .withLabels(Map.of("app.kubernetes.io/managed-by", "fn4j"))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Map.of(Labels.MANAGED, "true"))
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                // Listed with no rules: nothing may connect to an instance.
                .withIngress(List.of())
                .addNewEgress()
                .addNewTo()
                .withNewPodSelector()
                .withMatchLabels(settings.runtimeSelector())
                .endPodSelector()
                .endTo()
                .addNewPort()
                .withProtocol("TCP")
                .withPort(new IntOrString(settings.instancePort()))
                .endPort()
                .endEgress()
                .endSpec()
                .build();
    }
}
