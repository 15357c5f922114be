package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.testing.NetworkNamespaces;
import dev.fn4j.runtime.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker engine against a real Docker: loads a Jib-built image, starts locked-down
 * containers and checks every isolation setting both through Docker's inspect and from inside.
 * Everything it creates carries a per-run label and is removed afterwards.
 */
class DockerContainerEngineIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Every container of this run carries it; cleanup sweeps by it. */
    private static final String RUN_LABEL = "dev.fn4j.test.run";

    private static final String REPOSITORY = "fn4j-test/engine-it";
    private static final long MIB = 1024L * 1024;

    private static DockerContainerEngine engine;
    private static DockerClient docker;
    private static Path work;
    private static TestImages.Built probe;
    private static LoadedImage probeImage;
    /** Image ids and references this run may have loaded, removed at the end. */
    private static final List<String> images =
            new ArrayList<>(List.of(REPOSITORY + ":" + RUN, REPOSITORY + "-bad:" + RUN, REPOSITORY + "-oci:" + RUN));

    private int containerCount;

    @BeforeAll
    static void buildAndLoadTheProbeImage() throws Exception {
        engine = DockerContainerEngine.fromEnvironment();
        engine.ping();
        docker = DockerClientFactory.open(DockerClientFactory.environmentConfig());
        work = Files.createDirectories(Path.of("target", "engine-it-" + RUN).toAbsolutePath());
        probe = TestImages.probe(work, REPOSITORY + ":" + RUN, Map.of("dev.fn4j.handlers", "com.example.Probe"));
        probeImage = engine.loadImage(probe.tar());
        images.add(0, probeImage.id());
    }

    @AfterEach
    void removeThisTestsContainers() {
        for (String id : engine.listByLabel(RUN_LABEL, RUN)) {
            engine.remove(id);
        }
    }

    @AfterAll
    static void removeEverything() {
        if (engine != null) {
            for (String id : engine.listByLabel(RUN_LABEL, RUN)) {
                engine.remove(id);
            }
        }
        if (docker != null) {
            for (String image : images) {
                try {
                    docker.removeImageCmd(image).withForce(true).exec();
                } catch (NotFoundException gone) {
                    // already removed
                }
            }
            closeQuietly(docker);
        }
        if (engine != null) {
            engine.close();
        }
        TestImages.deleteQuietly(work);
    }

    @Test
    void loadsAJibImageWithItsIdTagsAndLabels() {
        assertThat(probeImage.id()).isEqualTo(probe.imageId());
        assertThat(probeImage.tags()).contains(REPOSITORY + ":" + RUN);
        assertThat(probeImage.labels()).containsEntry("dev.fn4j.handlers", "com.example.Probe");

        assertThat(engine.findImage(REPOSITORY + ":" + RUN)).isEqualTo(probeImage);
        assertThat(engine.findImage(probeImage.id())).isEqualTo(probeImage);
        assertThat(engine.findImage(REPOSITORY + ":missing-" + RUN)).isNull();
    }

    @Test
    void startsAContainerWithEveryIsolationSetting() throws Exception {
        Path socketDir = socketDir();
        InstanceSpec spec = spec("sleep", socketDir, 128 * MIB, Map.of("dev.fn4j.function", "hello"));

        String id = engine.start(spec);

        InspectContainerResponse inspected = docker.inspectContainerCmd(id).exec();
        HostConfig host = inspected.getHostConfig();
        System.out.println("SecurityOpt=" + host.getSecurityOpts() + " Init=" + host.getInit() + " Tmpfs="
                + host.getTmpFs() + " Mounts=" + inspected.getMounts().size());
        assertThat(inspected.getName()).isEqualTo("/" + spec.containerName());
        assertThat(inspected.getConfig().getImage()).isEqualTo(probeImage.id());
        assertThat(inspected.getState().getRunning()).isTrue();
        NetworkNamespaces.assertLoopbackOnly(inspected);
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs())
                .containsExactly(Map.entry("/tmp", "rw,exec,nosuid,nodev,size=65536k,uid=65532,gid=65532,mode=0700"));
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).isNullOrEmpty();
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getPidMode()).isNullOrEmpty();
        assertThat(host.getIpcMode()).isEqualTo("private");
        assertThat(inspected.getConfig().getUser()).isEqualTo(ImageLayout.USER);
        assertThat(host.getPidsLimit()).isEqualTo(128L);
        assertThat(host.getMemory()).isEqualTo(128 * MIB);
        assertThat(host.getMemorySwap()).isEqualTo(host.getMemory());
        // Half a CPU, as a quota per period: the form a running container's limit can be updated in.
        assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
        assertThat(host.getCpuQuota()).isEqualTo(50_000L);
        assertThat(host.getOomKillDisable()).isNotEqualTo(Boolean.TRUE);
        assertThat(host.getUlimits())
                .extracting(Ulimit::getName, Ulimit::getSoftLong, Ulimit::getHardLong)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nofile", 1024L, 1024L));
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig())
                .containsEntry("max-size", "1m")
                .containsEntry("max-file", "1");
        assertThat(host.getInit()).isTrue();
        assertThat(host.getAutoRemove()).isFalse();
        assertThat(host.getRestartPolicy().getName()).isIn("", "no");
        assertThat(host.getBinds()).isNullOrEmpty();
        assertThat(inspected.getMounts()).hasSize(1);
        InspectContainerResponse.Mount mount = inspected.getMounts().get(0);
        assertThat(mount.getSource()).isEqualTo(socketDir.toString());
        assertThat(mount.getDestination().getPath()).isEqualTo("/fn4j");
        assertThat(mount.getRW()).isTrue();
        assertThat(inspected.getConfig().getLabels())
                .containsEntry(Labels.MANAGED, "true")
                .containsEntry("dev.fn4j.function", "hello")
                .containsEntry(RUN_LABEL, RUN);
        assertThat(inspected.getConfig().getEnv()).contains("MODE=sleep");

        assertThat(engine.inspect(id)).isEqualTo(new ContainerState(true, 0, false, ""));
    }

    @Test
    void theContainerSeesTheLockDownFromInside() throws Exception {
        Path socketDir = socketDir();
        String id = engine.start(spec("probe", socketDir, 256 * MIB, Map.of()));

        ContainerState state = engine.awaitStopped(id, Duration.ofSeconds(60));

        assertThat(state.running()).isFalse();
        assertThat(state.exitCode())
                .as("probe exit code; report: %s", report(socketDir))
                .isZero();
        List<String> report = Files.readAllLines(socketDir.resolve("probe.txt"));
        System.out.println("probe report: " + report);
        assertThat(report)
                .containsExactly(
                        "rootWritable=false",
                        "tmpWritable=true",
                        "tmpExec=true",
                        "interfaces=lo",
                        "uid=65532",
                        "gid=65532",
                        "noNewPrivs=1",
                        "capEff=0000000000000000",
                        "capBnd=0000000000000000",
                        "nofile=1024",
                        "pid1=/sbin/docker-init");
    }

    @Test
    void reportsTheExitCodeAndReturnsAsSoonAsTheContainerStops() throws Exception {
        String id = engine.start(spec("exit", socketDir(), 128 * MIB, Map.of()));

        long started = System.nanoTime();
        ContainerState state = engine.awaitStopped(id, Duration.ofSeconds(60));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(state).isEqualTo(new ContainerState(false, 7, false, ""));
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(engine.inspect(id)).isEqualTo(state);
    }

    @Test
    void awaitStoppedGivesUpAtTheTimeoutOnARunningContainer() throws Exception {
        String id = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of()));

        long started = System.nanoTime();
        ContainerState state = engine.awaitStopped(id, Duration.ofMillis(700));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(state.running()).isTrue();
        assertThat(took).isBetween(Duration.ofMillis(650), Duration.ofSeconds(5));
    }

    @Test
    void pausesAndUnpausesAContainerAndRemovesOneThatIsPaused() throws Exception {
        String id = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of()));
        assertThat(engine.canPause()).isTrue();

        engine.pause(id);
        assertThat(docker.inspectContainerCmd(id).exec().getState().getPaused()).isTrue();
        engine.unpause(id);
        assertThat(docker.inspectContainerCmd(id).exec().getState().getPaused()).isFalse();
        assertThatThrownBy(() -> engine.unpause(id))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessageContaining("could not unpause container " + id);

        engine.pause(id);
        engine.remove(id);
        assertThat(engine.inspect(id)).isNull();
    }

    @Test
    void changesARunningContainersCpuLimit() throws Exception {
        String id = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of()));
        assertThat(engine.canLimitCpus()).isTrue();

        engine.limitCpus(id, 250_000_000L);

        HostConfig host = docker.inspectContainerCmd(id).exec().getHostConfig();
        assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
        assertThat(host.getCpuQuota()).isEqualTo(25_000L);
        engine.remove(id);
        assertThatThrownBy(() -> engine.limitCpus(id, 1_000_000_000L)).isInstanceOf(EngineException.class);
    }

    @Test
    void reportsAnOomKill() throws Exception {
        String id = engine.start(spec("oom", socketDir(), 64 * MIB, Map.of()));

        ContainerState state = engine.awaitStopped(id, Duration.ofSeconds(90));

        assertThat(state.running()).isFalse();
        assertThat(state.oomKilled()).as("state %s", state).isTrue();
        assertThat(state.exitCode()).isNotZero().isNotEqualTo(3);
    }

    @Test
    void removeMakesTheContainerGone() throws Exception {
        String id = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of()));

        engine.remove(id);

        assertThat(engine.inspect(id)).isNull();
        assertThat(engine.awaitStopped(id, Duration.ofSeconds(1))).isNull();
        engine.remove(id); // already gone: no error
    }

    @Test
    void listByLabelFindsExactlyTheLabelledContainers() throws Exception {
        String a1 = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of("dev.fn4j.function", "a-" + RUN)));
        String a2 = engine.start(spec("exit", socketDir(), 128 * MIB, Map.of("dev.fn4j.function", "a-" + RUN)));
        String b = engine.start(spec("sleep", socketDir(), 128 * MIB, Map.of("dev.fn4j.function", "b-" + RUN)));
        engine.awaitStopped(a2, Duration.ofSeconds(60)); // stopped containers are listed too

        assertThat(engine.listByLabel("dev.fn4j.function", "a-" + RUN)).containsExactlyInAnyOrder(a1, a2);
        assertThat(engine.listByLabel("dev.fn4j.function", "b-" + RUN)).containsExactly(b);
        assertThat(engine.listByLabel(Labels.MANAGED, "true")).contains(a1, a2, b);
        assertThat(engine.listByLabel("dev.fn4j.function", "none-" + RUN)).isEmpty();
    }

    @Test
    void createFailuresCarryDockersMessage() throws Exception {
        InstanceSpec first = spec("sleep", socketDir(), 128 * MIB, Map.of());
        engine.start(first);
        InstanceSpec sameName = new InstanceSpec(
                first.containerName(),
                first.image(),
                first.env(),
                first.labels(),
                first.socketDir(),
                first.memoryBytes(),
                first.nanoCpus());
        assertThatThrownBy(() -> engine.start(sameName))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessageContaining(first.containerName())
                .hasMessageContaining("already in use");

        InstanceSpec noImage =
                withImage(spec("sleep", socketDir(), 128 * MIB, Map.of()), REPOSITORY + ":missing-" + RUN);
        assertThatThrownBy(() -> engine.start(noImage))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessageContaining("No such image");

        InstanceSpec noSocketDir = new InstanceSpec(
                containerName(),
                probeImage.id(),
                Map.of(),
                Map.of(RUN_LABEL, RUN),
                work.resolve("missing-dir"),
                128 * MIB,
                500_000_000L);
        assertThatThrownBy(() -> engine.start(noSocketDir))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aContainerThatFailsToStartIsRemoved() throws Exception {
        // /fn4j is a file in this image, so mounting the socket directory there fails at start.
        TestImages.Built bad = TestImages.scratch(
                work, REPOSITORY + "-bad:" + RUN, ImageFormat.Docker, Map.of("/fn4j", "not a directory"), Map.of());
        LoadedImage loaded = engine.loadImage(bad.tar());
        images.add(0, loaded.id());
        Map<String, String> labels =
                Map.of(RUN_LABEL, RUN, "dev.fn4j.instance", "bad-" + RUN, TestContainers.LABEL, TestContainers.VALUE);
        InstanceSpec spec =
                new InstanceSpec(containerName(), loaded.id(), Map.of(), labels, socketDir(), 64 * MIB, 100_000_000L);

        assertThatThrownBy(() -> engine.start(spec))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessageContaining("could not start container '" + spec.containerName() + "'");

        assertThat(engine.listByLabel("dev.fn4j.instance", "bad-" + RUN)).isEmpty();
    }

    @Test
    void loadingSomethingThatIsNotAnImageIsInvalid() throws Exception {
        Path garbage = Files.writeString(work.resolve("garbage.tar"), "definitely not a tar archive\n");
        assertThatThrownBy(() -> engine.loadImage(garbage))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith(ImageArchiveInspector.NOT_AN_IMAGE);

        Path plainTar = new TestTar().file("hello.txt", "hi").write(work.resolve("plain.tar"));
        assertThatThrownBy(() -> engine.loadImage(plainTar))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage(ImageArchiveInspector.NOT_AN_IMAGE);

        // A well-formed manifest whose layer is not what the config says gets past the inspector;
        // Docker refuses it.
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + "0".repeat(64) + "\"]}}";
        Path brokenLayer = new TestTar()
                .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":null,\"Layers\":[\"l.tar\"]}]")
                .file("c.json", config)
                .file("l.tar", new TestTar().file("hello.txt", "hi").bytes())
                .write(work.resolve("broken.tar"));
        assertThatThrownBy(() -> engine.loadImage(brokenLayer))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith("Docker could not load the image archive: ");
    }

    @Test
    void anArchiveLeavingOutALayerTheEngineLacksNamesItsFile() throws Exception {
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + "0".repeat(64) + "\"]}}";
        Path withoutLayer = new TestTar()
                .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":null,\"Layers\":[\"./l.tar\"]}]")
                .file("c.json", config)
                .write(work.resolve("without-layer.tar"));
        assertThatThrownBy(() -> engine.loadImage(withoutLayer))
                .isInstanceOf(LayersMissingException.class)
                .hasMessage("the archive leaves out layer file 'l.tar', and the engine does not have"
                        + " that layer; upload the whole image (clients retry with the full archive)");
    }

    @Test
    void ociLayoutArchivesLoadWhereDockerSupportsThem() throws Exception {
        TestImages.Built oci = TestImages.scratch(
                work, REPOSITORY + "-oci:" + RUN, ImageFormat.OCI, Map.of("/hello.txt", "hello"), Map.of());
        LoadedImage loaded;
        try {
            loaded = engine.loadImage(oci.tar());
        } catch (InvalidImageException e) {
            // Docker before 25 has no OCI layout support: the message must say so and what to do.
            assertThat(e)
                    .hasMessageContaining("cannot load an OCI layout archive")
                    .hasMessageContaining("docker-archive");
            System.out.println("OCI layout refused as expected: " + e.getMessage());
            return;
        }
        images.add(0, loaded.id());
        assertThat(loaded.id()).isEqualTo(oci.imageId());
    }

    @Test
    void anUnreachableEngineIsUnavailable() {
        DockerContainerEngine nowhere = new DockerContainerEngine(
                DockerClientFactory.open(
                        com.github.dockerjava.core.DefaultDockerClientConfig.createDefaultConfigBuilder()
                                .withDockerHost("unix:///nonexistent/docker.sock")
                                .build()),
                "unix:///nonexistent/docker.sock");
        try (nowhere) {
            assertThatThrownBy(nowhere::ping)
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("unix:///nonexistent/docker.sock")
                    .hasMessageContaining("DOCKER_HOST");
            assertThatThrownBy(() -> nowhere.inspect("abc")).isInstanceOf(EngineUnavailableException.class);
            assertThatThrownBy(() -> nowhere.listByLabel(RUN_LABEL, RUN))
                    .isInstanceOf(EngineUnavailableException.class);
        }
    }

    private InstanceSpec spec(String mode, Path socketDir, long memory, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(RUN_LABEL, RUN);
        all.putAll(TestContainers.LABELS);
        return new InstanceSpec(
                containerName(), probeImage.id(), Map.of("MODE", mode), all, socketDir, memory, 500_000_000L);
    }

    private static InstanceSpec withImage(InstanceSpec s, String image) {
        return new InstanceSpec(
                s.containerName(), image, s.env(), s.labels(), s.socketDir(), s.memoryBytes(), s.nanoCpus());
    }

    private String containerName() {
        return "fn4j-it-" + RUN + "-" + (++containerCount) + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    /**
     * A socket directory the container's user (65532) can write: the runtime must give its
     * instance directories the same access (0777 here; owning them by 65532 works too).
     */
    private static Path socketDir() throws Exception {
        Path dir = Files.createTempDirectory(work, "sock-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static String report(Path socketDir) {
        try {
            return Files.readString(socketDir.resolve("probe.txt"));
        } catch (Exception e) {
            return "(no report: " + e + ")";
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // test cleanup only
        }
    }
}
