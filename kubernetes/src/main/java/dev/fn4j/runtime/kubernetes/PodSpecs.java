package dev.fn4j.runtime.kubernetes;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.Lockdown;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The isolation every instance pod runs under, the pod-spec form of the Docker engine's
 * {@code Lockdown}: non-root numeric user, read-only root, no capabilities, no privilege
 * escalation, the RuntimeDefault seccomp profile, no service account token, CPU and memory limits
 * equal to requests, and a size-limited in-memory /tmp. KubernetesContainerEngineTest asserts
 * each field. What a pod spec cannot say (pids limit, nofile, log size) is the kubelet's, see
 * docs/kubernetes.md.
 */
final class PodSpecs {

    static final String CONTAINER = "function";
    static final String TMP_VOLUME = "tmp";
    static final String TMP = "/tmp";
    static final String RUNTIME_DEFAULT = "RuntimeDefault";

    /** Kubernetes' rule for pod names (an RFC 1123 label, to be safe in every place a name goes). */
    static final Pattern POD_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private PodSpecs() {}

    /** The pod for one instance, named {@link #podName}, owned by the runtime's pod if it has one. */
    static Pod pod(InstanceSpec spec, KubernetesSettings settings) {
        String[] user = ImageLayout.USER.split(":", 2);
        long uid = Long.parseLong(user[0]);
        long gid = Long.parseLong(user[1]);
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(Math.max(1, spec.nanoCpus() / 1_000_000) + "m"),
                "memory", new Quantity(Long.toString(spec.memoryBytes())));
        return new PodBuilder()
                .withNewMetadata()
                .withName(podName(spec.containerName()))
                .withLabels(Lockdown.labels(spec))
                .withOwnerReferences(owners(settings))
                .endMetadata()
                .withNewSpec()
                // The runtime reads the exit itself and never reuses an instance that stopped.
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                // No service environment variables: an instance learns nothing of the cluster.
                .withEnableServiceLinks(false)
                .withHostNetwork(false)
                .withHostPID(false)
                .withHostIPC(false)
                .withTerminationGracePeriodSeconds(0L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(uid)
                .withRunAsGroup(gid)
                // The in-memory /tmp belongs to the function's group, so the function can write it.
                .withFsGroup(gid)
                .withNewSeccompProfile()
                .withType(RUNTIME_DEFAULT)
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withEnv(env(spec))
                .withNewResources()
                .withLimits(resources)
                // Requests equal to limits: the Guaranteed class, never evicted for a neighbour.
                .withRequests(resources)
                .endResources()
                .withNewSecurityContext()
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withRunAsNonRoot(true)
                .withRunAsUser(uid)
                .withRunAsGroup(gid)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType(RUNTIME_DEFAULT)
                .endSeccompProfile()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName(TMP_VOLUME)
                .withMountPath(TMP)
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName(TMP_VOLUME)
                .withNewEmptyDir()
                // tmpfs: its pages count against the memory limit, as on Docker.
                .withMedium("Memory")
                .withSizeLimit(new Quantity(Long.toString(spec.tmpBytes())))
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .build();
    }

    /**
     * The container name made a pod name: lower case, other characters as {@code -}, and when too
     * long its head cut so that the instance id at its end survives.
     */
    static String podName(String containerName) {
        String name = containerName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (name.length() > 63) {
            name = name.substring(0, 50) + "-" + name.substring(name.length() - 12);
        }
        name = name.replaceAll("^-+|-+$", "");
        if (!POD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cannot make a pod name of '" + containerName + "'");
        }
        return name;
    }

    /**
     * The runtime's pod, so that deleting it (a scale-down, a node lost) deletes its instances
     * too, through Kubernetes' garbage collector, even when the runtime never ran again to reap them.
     */
    private static List<OwnerReference> owners(KubernetesSettings settings) {
        if (settings.owner() == null) {
            return List.of();
        }
        return List.of(new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(settings.owner().podName())
                .withUid(settings.owner().uid())
                .withBlockOwnerDeletion(false)
                .withController(false)
                .build());
    }

    /** Sorted, so the same spec always makes the same request. */
    private static List<EnvVar> env(InstanceSpec spec) {
        return spec.env().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new EnvVar(e.getKey(), e.getValue(), null))
                .toList();
    }
}
