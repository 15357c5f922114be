package dev.fn4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.InvalidImageException;
import dev.fn4j.runtime.engine.Labels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the engine asks of the Kubernetes API, checked against fabric8's mock server in CRUD mode:
 * it keeps what is created, serves it back and streams changes to watches.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KubernetesContainerEngineTest {

    private static final String NAMESPACE = "fn4j";
    private static final Duration WATCH = Duration.ofSeconds(30);

    KubernetesMockServer server;
    KubernetesClient client;

    private KubernetesContainerEngine engine;

    @BeforeEach
    void engine() {
        engine = new KubernetesContainerEngine(
                client, new KubernetesSettings(NAMESPACE, Map.of("app.kubernetes.io/name", "fn4j-runtime"), 7070));
    }

    private static InstanceSpec spec(String runtimeId, String instanceId) {
        return new InstanceSpec(
                "fn4j-greeter-" + instanceId,
                "registry.example:5000/fn/greeter@sha256:" + "a".repeat(64),
                Map.of("FN4J_HANDLER", "com.example.Greeter", "FN4J_INSTANCE_ID", instanceId),
                Map.of(
                        Labels.RUNTIME,
                        runtimeId,
                        Labels.FUNCTION,
                        "greeter",
                        Labels.REVISION,
                        "3",
                        Labels.INSTANCE,
                        instanceId),
                Path.of("/unused"),
                256L * 1024 * 1024,
                500_000_000L,
                32L * 1024 * 1024);
    }

    private Pod pod(String name) {
        return client.pods().inNamespace(NAMESPACE).withName(name).get();
    }

    @Test
    void podCarriesTheInstanceLabelsLikeADockerContainer() {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        assertThat(name).isEqualTo("fn4j-greeter-0a1b2c3d4e5f");
        assertThat(pod(name).getMetadata().getLabels())
                .containsEntry(Labels.RUNTIME, "rt-1")
                .containsEntry(Labels.FUNCTION, "greeter")
                .containsEntry(Labels.REVISION, "3")
                .containsEntry(Labels.INSTANCE, "0a1b2c3d4e5f")
                .containsEntry(Labels.MANAGED, "true");
    }

    @Test
    void podSpecCarriesEveryLockDownField() {
        Pod pod = pod(engine.start(spec("rt-1", "0a1b2c3d4e5f")));
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getEnableServiceLinks()).isFalse();
        assertThat(pod.getSpec().getHostNetwork()).isFalse();
        assertThat(pod.getSpec().getHostPID()).isFalse();
        assertThat(pod.getSpec().getHostIPC()).isFalse();

        PodSecurityContext podSecurity = pod.getSpec().getSecurityContext();
        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isEqualTo(65532L);
        assertThat(podSecurity.getRunAsGroup()).isEqualTo(65532L);
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        assertThat(pod.getSpec().getContainers()).hasSize(1);
        Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example:5000/fn/greeter@sha256:" + "a".repeat(64));
        SecurityContext security = container.getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser()).isEqualTo(65532L);
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValueExact())
                .isEqualTo(256L * 1024 * 1024);
        assertThat(limits.get("cpu")).isEqualTo(new Quantity("500m"));
        assertThat(container.getResources().getRequests()).isEqualTo(limits);

        assertThat(container.getVolumeMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(mount.getName()).isEqualTo("tmp");
            assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        });
        assertThat(pod.getSpec().getVolumes()).singleElement().satisfies((Volume volume) -> {
            assertThat(volume.getName()).isEqualTo("tmp");
            assertThat(volume.getEmptyDir().getMedium()).isEqualTo("Memory");
            assertThat(Quantity.getAmountInBytes(volume.getEmptyDir().getSizeLimit())
                            .longValueExact())
                    .isEqualTo(32L * 1024 * 1024);
            assertThat(volume.getHostPath()).isNull();
        });
        assertThat(container.getEnv())
                .extracting(e -> e.getName() + "=" + e.getValue())
                .containsExactly("FN4J_HANDLER=com.example.Greeter", "FN4J_INSTANCE_ID=0a1b2c3d4e5f");
    }

    @Test
    void firstStartCreatesTheDefaultDenyNetworkPolicyOnce() {
        engine.start(spec("rt-1", "000000000001"));
        engine.start(spec("rt-1", "000000000002"));
        List<NetworkPolicy> policies = client.network()
                .v1()
                .networkPolicies()
                .inNamespace(NAMESPACE)
                .list()
                .getItems();
        assertThat(policies).singleElement().satisfies(policy -> {
            assertThat(policy.getMetadata().getName()).isEqualTo("fn4j-instances");
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of(Labels.MANAGED, "true"));
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).singleElement().satisfies(egress -> {
                assertThat(egress.getTo()).singleElement().satisfies(peer -> {
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .isEqualTo(Map.of("app.kubernetes.io/name", "fn4j-runtime"));
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getNamespaceSelector()).isNull();
                });
                assertThat(egress.getPorts()).singleElement().satisfies(port -> {
                    assertThat(port.getProtocol()).isEqualTo("TCP");
                    assertThat(port.getPort().getIntVal()).isEqualTo(7070);
                });
            });
        });
        assertThat(engine.ensureNetworkPolicy()).isFalse();
    }

    @Test
    void readinessIsSeenThroughAWatch() throws Exception {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        assertThat(engine.inspect(name).running()).isTrue();
        CompletableFuture<ContainerState> running =
                CompletableFuture.supplyAsync(() -> engine.awaitRunning(name, WATCH));
        setStatus(
                name,
                "Running",
                new ContainerStatusBuilder()
                        .withName("function")
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt("2026-12-06T03:00:00Z")
                        .endRunning()
                        .endState()
                        .build());
        ContainerState state = running.get(WATCH.toSeconds(), TimeUnit.SECONDS);
        assertThat(state.running()).isTrue();
        assertThat(PodStates.isRunning(pod(name))).isTrue();
    }

    @Test
    void exitIsSeenThroughAWatchWithItsCode() throws Exception {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        CompletableFuture<ContainerState> stopped =
                CompletableFuture.supplyAsync(() -> engine.awaitStopped(name, WATCH));
        setStatus(name, "Failed", terminated(2, "Error"));
        ContainerState state = stopped.get(WATCH.toSeconds(), TimeUnit.SECONDS);
        assertThat(state).isEqualTo(new ContainerState(false, 2, false, ""));
    }

    @Test
    void outOfMemoryExitIsReportedAsSuch() {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        setStatus(name, "Failed", terminated(137, "OOMKilled"));
        ContainerState state = engine.inspect(name);
        assertThat(state.running()).isFalse();
        assertThat(state.oomKilled()).isTrue();
        assertThat(state.exitCode()).isEqualTo(137);
    }

    @Test
    void imageThatCannotBePulledCountsAsStopped() {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        setStatus(
                name,
                "Pending",
                new ContainerStatusBuilder()
                        .withName("function")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("ImagePullBackOff")
                        .withMessage("Back-off pulling image")
                        .endWaiting()
                        .endState()
                        .build());
        assertThat(engine.awaitStopped(name, WATCH))
                .isEqualTo(new ContainerState(false, -1, false, "ImagePullBackOff: Back-off pulling image"));
    }

    @Test
    void removeDeletesThePodAndAGonePodIsNoError() {
        String name = engine.start(spec("rt-1", "0a1b2c3d4e5f"));
        engine.remove(name);
        assertThat(pod(name)).isNull();
        assertThat(engine.inspect(name)).isNull();
        engine.remove(name);
    }

    @Test
    void deletionByLabelTakesOnlyThatRuntimesPods() {
        engine.start(spec("rt-dead", "000000000001"));
        engine.start(spec("rt-dead", "000000000002"));
        engine.start(spec("rt-alive", "000000000003"));
        assertThat(engine.listByLabel(Labels.RUNTIME, "rt-dead"))
                .containsExactlyInAnyOrder("fn4j-greeter-000000000001", "fn4j-greeter-000000000002");

        engine.removeByLabel(Labels.RUNTIME, "rt-dead");

        assertThat(engine.listByLabel(Labels.RUNTIME, "rt-dead")).isEmpty();
        assertThat(engine.listByLabel(Labels.RUNTIME, "rt-alive")).containsExactly("fn4j-greeter-000000000003");
    }

    @Test
    void reapingByRuntimeIdRemovesEachPodItListed() {
        engine.start(spec("rt-dead", "000000000001"));
        engine.start(spec("rt-alive", "000000000002"));
        // What OrphanReaper does with any engine: list by the runtime id label, remove each.
        engine.listByLabel(Labels.RUNTIME, "rt-dead").forEach(engine::remove);
        assertThat(engine.listByLabel(Labels.MANAGED, "true")).containsExactly("fn4j-greeter-000000000002");
    }

    @Test
    void imageArchivesAreRefusedWithTheWayToARegistry() {
        assertThatThrownBy(() -> engine.loadImage(Path.of("image.tar")))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("-Dfn.registry");
        assertThat(engine.reusableLayers(List.of())).isZero();
        assertThat(engine.findImage("r:5000/fn/x:1").id()).isEqualTo("r:5000/fn/x:1");
    }

    @Test
    void runtimePodOwnsItsInstancePodsSoTheyGoWithIt() {
        KubernetesContainerEngine owned = new KubernetesContainerEngine(
                client,
                new KubernetesSettings(
                        NAMESPACE,
                        Map.of("app.kubernetes.io/name", "fn4j-runtime"),
                        7070,
                        new KubernetesSettings.Owner("fn4j-runtime-7d9c-x2", "0f0e-uid")));
        Pod pod = pod(owned.start(spec("rt-1", "0a1b2c3d4e5f")));
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Pod");
            assertThat(owner.getName()).isEqualTo("fn4j-runtime-7d9c-x2");
            assertThat(owner.getUid()).isEqualTo("0f0e-uid");
        });
        assertThat(pod(engine.start(spec("rt-1", "000000000009"))).getMetadata().getOwnerReferences())
                .isNullOrEmpty();
    }

    @Test
    void pingListsPodsInTheNamespace() {
        engine.ping();
    }

    private void setStatus(String name, String phase, io.fabric8.kubernetes.api.model.ContainerStatus container) {
        Pod pod = pod(name);
        pod.setStatus(new PodStatusBuilder()
                .withPhase(phase)
                .withContainerStatuses(container)
                .build());
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(int exitCode, String reason) {
        return new ContainerStatusBuilder()
                .withName("function")
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withReason(reason)
                .endTerminated()
                .endState()
                .build();
    }
}
