package dev.fn4j.runtime.kubernetes;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.EngineProvider;
import dev.fn4j.runtime.engine.Engines;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;

/**
 * Found by {@code ServiceLoader} when the runtime starts with {@code --engine kubernetes}: opens
 * the engine on the cluster the usual way (in a pod, its service account; elsewhere, kubeconfig).
 */
public final class KubernetesEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return Engines.KUBERNETES;
    }

    @Override
    public ContainerEngine open(Map<String, String> env) {
        KubernetesClient client = new KubernetesClientBuilder().build();
        KubernetesSettings settings = KubernetesSettings.fromEnv(env, client.getNamespace());
        return new KubernetesContainerEngine(client, settings);
    }
}
