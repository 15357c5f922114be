package dev.fn4j.runtime.kubernetes;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.EngineUnavailableException;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.InvalidImageException;
import dev.fn4j.runtime.engine.LoadedImage;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The {@link ContainerEngine} on a Kubernetes cluster through fabric8: a locked-down pod per
 * instance ({@link PodSpecs}) in one namespace guarded by {@link InstancePolicy}, watched rather
 * than polled. Images come from a registry the kubelet pulls from; archives cannot be loaded.
 * Safe for concurrent use: the fabric8 client is, and the rest is immutable.
 */
public final class KubernetesContainerEngine implements ContainerEngine {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    /** Set once the namespace's NetworkPolicy is known to exist; no instance starts before. */
    private final AtomicBoolean guarded = new AtomicBoolean();

    public KubernetesContainerEngine(KubernetesClient client, KubernetesSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void ping() {
        try {
            client.pods()
                    .inNamespace(settings.namespace())
                    .list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            throw new EngineUnavailableException(
                    "cannot list pods in namespace " + settings.namespace() + " of the Kubernetes cluster at "
                            + client.getMasterUrl() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Creates the namespace's instance NetworkPolicy unless it exists; returns whether it created
     * it. The runtime calls it once before its first instance.
     */
    public boolean ensureNetworkPolicy() {
        try {
            var policies = client.network().v1().networkPolicies().inNamespace(settings.namespace());
            if (policies.withName(InstancePolicy.NAME).get() != null) {
                return false;
            }
            policies.resource(InstancePolicy.of(settings)).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // Another runtime created it meanwhile: what was wanted.
                return false;
            }
            throw translate(e, "create NetworkPolicy " + InstancePolicy.NAME);
        }
    }

    @Override
    public LoadedImage loadImage(Path archive) {
        throw new InvalidImageException("the Kubernetes engine runs images from a registry and cannot load an"
                + " archive; deploy with the plugin's <registry> (-Dfn.registry=host:port/namespace) so the image"
                + " is pushed there and deployed by reference");
    }

    @Override
    public int reusableLayers(List<String> diffIds) {
        return 0;
    }

    /**
     * The reference itself: the image lives in a registry this engine does not read, and the
     * kubelet pulls it when the first pod starts (a bad reference fails that start).
     */
    @Override
    public LoadedImage findImage(String imageRef) {
        return new LoadedImage(imageRef, List.of(imageRef), Map.of());
    }

    @Override
    public String start(InstanceSpec spec) {
        Pod pod = PodSpecs.pod(spec, settings);
        if (!guarded.get()) {
            ensureNetworkPolicy();
            guarded.set(true);
        }
        try {
            return client.pods()
                    .inNamespace(settings.namespace())
                    .resource(pod)
                    .create()
                    .getMetadata()
                    .getName();
        } catch (KubernetesClientException e) {
            throw translate(e, "create pod " + pod.getMetadata().getName() + " from image '" + spec.image() + "'");
        }
    }

    @Override
    public ContainerState inspect(String podName) {
        try {
            return PodStates.of(pod(podName).get());
        } catch (KubernetesClientException e) {
            throw translate(e, "read pod " + podName);
        }
    }

    @Override
    public ContainerState awaitStopped(String podName, Duration timeout) {
        requireTimeout(timeout);
        return await(podName, timeout, pod -> pod == null || !PodStates.of(pod).running());
    }

    /**
     * Waits up to {@code timeout}, on a watch, until the pod runs with its container started, or
     * stopped, or is gone; returns its state then.
     */
    public ContainerState awaitRunning(String podName, Duration timeout) {
        requireTimeout(timeout);
        return await(
                podName,
                timeout,
                pod -> pod == null
                        || PodStates.isRunning(pod)
                        || !PodStates.of(pod).running());
    }

    private ContainerState await(String podName, Duration timeout, Predicate<Pod> condition) {
        try {
            return PodStates.of(pod(podName).waitUntilCondition(condition, timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (KubernetesClientTimeoutException e) {
            return inspect(podName);
        } catch (KubernetesClientException e) {
            throw translate(e, "watch pod " + podName);
        }
    }

    @Override
    public void remove(String podName) {
        try {
            pod(podName).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw translate(e, "delete pod " + podName);
            }
        }
    }

    /** Deletes every pod in the namespace carrying the label with this value, in one request. */
    public void removeByLabel(String label, String value) {
        try {
            client.pods()
                    .inNamespace(settings.namespace())
                    .withLabel(label, value)
                    .withGracePeriod(0)
                    .delete();
        } catch (KubernetesClientException e) {
            throw translate(e, "delete pods labelled " + label + "=" + value);
        }
    }

    @Override
    public List<String> logTail(String podName, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be positive: " + lines);
        }
        try {
            String log = pod(podName).tailingLines(lines).getLog();
            return log == null
                    ? List.of()
                    : log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (KubernetesClientException e) {
            // Logs are only read for error messages; their absence is no failure.
            return List.of();
        }
    }

    @Override
    public List<String> listByLabel(String label, String value) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        try {
            return client.pods().inNamespace(settings.namespace()).withLabel(label, value).list().getItems().stream()
                    .map(pod -> pod.getMetadata().getName())
                    .toList();
        } catch (KubernetesClientException e) {
            throw translate(e, "list pods labelled " + label + "=" + value);
        }
    }

    /** Kubernetes has no pause for a pod's containers: idle instances are removed, as before. */
    @Override
    public boolean canPause() {
        return false;
    }

    /** Pods share no directory with the runtime: hosts dial its instance port instead. */
    @Override
    public boolean sharesHostFiles() {
        return false;
    }

    @Override
    public void close() {
        client.close();
    }

    private PodResource pod(String podName) {
        Objects.requireNonNull(podName, "podName");
        if (!PodSpecs.POD_NAME.matcher(podName).matches()) {
            throw new IllegalArgumentException("not a pod name: '" + podName + "'");
        }
        return client.pods().inNamespace(settings.namespace()).withName(podName);
    }

    private static void requireTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    private EngineException translate(KubernetesClientException e, String action) {
        String message = "cannot " + action + " in namespace " + settings.namespace() + ": " + e.getMessage();
        // 0: no HTTP answer at all; 5xx: the API server is there but failing.
        return e.getCode() == 0 || e.getCode() >= 500
                ? new EngineUnavailableException(message, e)
                : new EngineException(message, e);
    }
}
