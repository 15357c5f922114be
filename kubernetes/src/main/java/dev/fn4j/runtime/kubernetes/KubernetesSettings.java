package dev.fn4j.runtime.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Kubernetes engine runs instances and what they may reach.
 *
 * @param namespace the one namespace instance pods and their NetworkPolicy live in
 * @param runtimeSelector the labels of the runtime's pods: the only pods instances may reach
 * @param instancePort the runtime's instance port (TCP), the only port instances may reach
 * @param owner the runtime's own pod, owner of every instance pod it starts so that Kubernetes
 *     deletes them with it; {@code null} outside a pod
 */
public record KubernetesSettings(String namespace, Map<String, String> runtimeSelector, int instancePort, Owner owner) {

    /** The runtime's pod: its name and uid, from the downward API. */
    public record Owner(String podName, String uid) {
        public Owner {
            Objects.requireNonNull(podName, "podName");
            Objects.requireNonNull(uid, "uid");
        }
    }

    /** The runtime pod's name and uid; set both (the manifest does) to own instance pods. */
    public static final String ENV_POD_NAME = "FN4J_POD_NAME";

    public static final String ENV_POD_UID = "FN4J_POD_UID";

    /** Settings without an owner pod. */
    public KubernetesSettings(String namespace, Map<String, String> runtimeSelector, int instancePort) {
        this(namespace, runtimeSelector, instancePort, null);
    }

    /** The variable naming the namespace; the client's namespace (in a pod: its own) by default. */
    public static final String ENV_NAMESPACE = "FN4J_KUBERNETES_NAMESPACE";

    /** The runtime pods' labels, {@code k=v,k2=v2}; {@link #DEFAULT_SELECTOR} by default. */
    public static final String ENV_RUNTIME_LABELS = "FN4J_KUBERNETES_RUNTIME_LABELS";

    /** The instance port; {@link #DEFAULT_INSTANCE_PORT} by default. */
    public static final String ENV_INSTANCE_PORT = "FN4J_INSTANCE_PORT";

    /** What deploy/kubernetes/runtime.yaml labels the runtime's pods with. */
    public static final String DEFAULT_SELECTOR = "app.kubernetes.io/name=fn4j-runtime";

    public static final int DEFAULT_INSTANCE_PORT = 7070;

    public KubernetesSettings {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank: '" + namespace + "'");
        }
        runtimeSelector = Map.copyOf(runtimeSelector);
        if (runtimeSelector.isEmpty()) {
            throw new IllegalArgumentException("runtimeSelector must name at least one label");
        }
        if (instancePort < 1 || instancePort > 65535) {
            throw new IllegalArgumentException("instancePort must be in [1, 65535]: " + instancePort);
        }
    }

    /** Reads the settings from the runtime's environment, with the client's namespace as default. */
    public static KubernetesSettings fromEnv(Map<String, String> env, String clientNamespace) {
        String namespace = env.getOrDefault(ENV_NAMESPACE, "").strip();
        if (namespace.isEmpty()) {
            namespace = clientNamespace == null || clientNamespace.isBlank() ? "default" : clientNamespace;
        }
        String port = env.getOrDefault(ENV_INSTANCE_PORT, "").strip();
        int instancePort;
        try {
            instancePort = port.isEmpty() ? DEFAULT_INSTANCE_PORT : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_INSTANCE_PORT + " must be a port number: '" + port + "'");
        }
        String podName = env.getOrDefault(ENV_POD_NAME, "").strip();
        String uid = env.getOrDefault(ENV_POD_UID, "").strip();
        return new KubernetesSettings(
                namespace,
                selector(env.getOrDefault(ENV_RUNTIME_LABELS, DEFAULT_SELECTOR)),
                instancePort,
                podName.isEmpty() || uid.isEmpty() ? null : new Owner(podName, uid));
    }

    private static Map<String, String> selector(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        ENV_RUNTIME_LABELS + " must be key=value pairs separated by commas: '" + text + "'");
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return labels;
    }
}
