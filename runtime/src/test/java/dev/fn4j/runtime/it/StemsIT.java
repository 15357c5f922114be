package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.it.fns.EnvProbe;
import dev.fn4j.runtime.it.fns.SqliteNotes;
import dev.fn4j.runtime.limit.SpareCpu;
import dev.fn4j.runtime.testing.NetworkNamespaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stems (instance.Stems) against real Docker: a JVM started ahead of need becomes an instance of
 * a function deployed after it, with the function's files, configuration and isolation, and a
 * function a stem cannot serve starts in a container of its own.
 */
class StemsIT {

    /** A stem waits up to SpareCpu.MAX_WAIT for spare CPU on a busy machine, then starts. */
    private static final Duration STEM_READY = SpareCpu.MAX_WAIT.plusSeconds(60);
    /** A function's memory when its spec sets none (spec.Field.MEMORY). */
    private static final long DEFAULT_MEMORY = dev.fn4j.spec.Field.MEMORY.defaultValue();

    private static final Set<String> DEPLOYED = java.util.Collections.synchronizedSet(new HashSet<>());

    private static RuntimeFixture runtime;
    private static String image;

    @BeforeAll
    static void start() throws Exception {
        runtime = RuntimeFixture.start("--stems", "2");
        image = runtime.uploadTestImage();
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void aFunctionDeployedAfterAStemStartedBecomesItsInstanceWithItsConfiguration() throws Exception {
        deploy("stem-first", EnvProbe.class.getName(), "");
        String stem = awaitStem();

        deploy("stem-second", EnvProbe.class.getName(), "\"cpus\":0.25,\"env\":{\"GREETING\":\"héllo, wörld = 1\"}");

        String container = containerOf("stem-second");
        assertThat(container).as("the instance is the stem's container").isEqualTo(stem);
        assertThat(DockerInspector.inspect(container).getHostConfig().getCpuQuota())
                .as("held to the function's cpus once ready, as every instance")
                .isEqualTo(25_000L);
        assertThat(runtime.invoke("stem-second", "env GREETING").body())
                .isEqualTo("héllo, wörld = 1 | héllo, wörld = 1");
        assertThat(runtime.invoke("stem-second", "env FN4J_STEM").body())
                .as("the stem's own marker is the host's, and stays")
                .isEqualTo("true | true");
        assertThat(runtime.invoke("stem-second", "where").body()).isEqualTo("/fn4j/app/classes/");
        Await.until(
                "the stem's container named after its function",
                Duration.ofSeconds(10),
                () -> DockerInspector.inspect(container)
                        .getName()
                        .equals("/fn4j-stem-second-" + instanceOf("stem-second")));
    }

    @Test
    void aStemBornInstanceCanChangeNeitherItsFilesNorItsDirectory() throws Exception {
        deploy("stem-files-a", EnvProbe.class.getName(), "");
        awaitStem();
        deploy("stem-files-b", EnvProbe.class.getName(), "");
        assertThat(DockerInspector.labels(containerOf("stem-files-b"))).containsKey(Labels.STEM);

        assertThat(runtime.invoke("stem-files-b", "write /fn4j/app/classes/dev/fn4j/runtime/it/fns/EnvProbe.class")
                        .body())
                .isEqualTo("AccessDeniedException");
        assertThat(runtime.invoke("stem-files-b", "write /fn4j/app/new.jar").body())
                .isEqualTo("AccessDeniedException");
        assertThat(runtime.invoke("stem-files-b", "write /fn4j/assignment").body())
                .isEqualTo("AccessDeniedException");
    }

    @Test
    void aStemRunsUnderTheLockdownOfEveryInstance() throws Exception {
        deploy("stem-lock", EnvProbe.class.getName(), "");
        InspectContainerResponse stem = DockerInspector.inspect(awaitStem());

        assertThat(stem.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(stem.getHostConfig().getCapDrop())
                .extracting(Object::toString)
                .contains("ALL");
        assertThat(stem.getHostConfig().getSecurityOpts()).anyMatch(o -> o.startsWith("no-new-privileges"));
        assertThat(stem.getConfig().getUser()).isEqualTo("65532:65532");
        assertThat(stem.getHostConfig().getMounts()).hasSize(1);
        assertThat(stem.getHostConfig().getCpuQuota())
                .as("every core, as a new container starts with")
                .isEqualTo(Runtime.getRuntime().availableProcessors() * 100_000L);
        assertThat(stem.getHostConfig().getMemory()).isEqualTo(DEFAULT_MEMORY);
        NetworkNamespaces.assertLoopbackOnly(stem);
        assertThat(stem.getConfig().getLabels())
                .containsEntry(Labels.RUNTIME, runtime.runtimeId())
                .containsEntry(Labels.MANAGED, "true")
                .containsKey(Labels.STEM)
                .doesNotContainKey(Labels.FUNCTION);
    }

    @Test
    void aFunctionSettingAVariableTheJvmReadsAtStartGetsAContainerOfItsOwn() throws Exception {
        deploy("stem-tool-a", EnvProbe.class.getName(), "");
        awaitStem();

        deploy("stem-tool-b", EnvProbe.class.getName(), "\"env\":{\"JAVA_TOOL_OPTIONS\":\"-Xss1m\"}");

        assertThat(Containers.ofFunction(runtime.runtimeId(), "stem-tool-b")).hasSize(1);
        assertThat(runtime.invoke("stem-tool-b", "env JAVA_TOOL_OPTIONS").body())
                .isEqualTo("-Xss1m | -Xss1m");
    }

    @Test
    void librariesFromMavenCentralWithNativeCodeRunInAStemBornInstance() throws Exception {
        String natives = runtime.uploadImage(TestImages.nativeLibraries());
        deploy("stem-sqlite-a", natives, SqliteNotes.class.getName(), "\"memory\":\"160m\"");
        awaitStem(160L * 1024 * 1024);
        deploy("stem-sqlite-b", natives, SqliteNotes.class.getName(), "\"memory\":\"160m\"");
        assertThat(DockerInspector.labels(containerOf("stem-sqlite-b"))).containsKey(Labels.STEM);

        Reply reply = runtime.invoke("stem-sqlite-b", "a note");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).matches("sqlite 3\\.\\d+\\.\\d+: 1 notes");
    }

    private static void deploy(String name, String handler, String fields) {
        deploy(name, image, handler, fields);
    }

    private static void deploy(String name, String imageId, String handler, String fields) {
        Reply deployed = runtime.deploy(name, imageId, handler, fields);
        assertThat(deployed.status()).as("deploy %s: %s", name, deployed).isEqualTo(201);
        deployed().add(name);
    }

    /** The functions this class deployed, whose instances are no stems, even before their container's rename. */
    private static synchronized Set<String> deployed() {
        return DEPLOYED;
    }

    /** The instance ids of every function deployed so far. */
    private static Set<String> instanceIds() {
        Set<String> ids = new HashSet<>();
        for (String function : List.copyOf(deployed())) {
            for (JsonNode instance : runtime.send("GET", "/v1/functions/" + function, null)
                    .json()
                    .path("instances")) {
                ids.add(instance.get("id").asText());
            }
        }
        return ids;
    }

    /** Waits for a running stem for functions of the default memory and returns its container's id. */
    private static String awaitStem() throws Exception {
        return awaitStem(DEFAULT_MEMORY);
    }

    /** Waits for a running stem of this runtime for functions of that memory and returns its container's id. */
    private static String awaitStem(long memoryBytes) throws Exception {
        List<String> found = new ArrayList<>();
        Await.until("a running stem", STEM_READY, () -> {
            Set<String> instances = instanceIds();
            for (String id : DockerInspector.withLabels(Map.of(Labels.RUNTIME, runtime.runtimeId()))) {
                InspectContainerResponse c;
                try {
                    c = DockerInspector.inspect(id);
                } catch (NotFoundException removedSinceListed) {
                    // An evicted stem, or the container that copied an image's files out.
                    continue;
                }
                if (c.getConfig().getLabels().containsKey(Labels.STEM)
                        && !instances.contains(c.getConfig().getLabels().get(Labels.INSTANCE))
                        && !"files".equals(c.getConfig().getLabels().get(Labels.STEM))
                        && Boolean.TRUE.equals(c.getState().getRunning())
                        && c.getHostConfig().getMemory() == memoryBytes
                        && c.getName().startsWith("/fn4j-stem-")) {
                    found.add(id);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    /** The instance id of the function's one instance, as GET /v1/functions/{name} lists it. */
    private static String instanceOf(String function) {
        JsonNode instances =
                runtime.send("GET", "/v1/functions/" + function, null).json().get("instances");
        assertThat(instances).as("instances of %s", function).hasSize(1);
        return instances.get(0).get("id").asText();
    }

    /** The container of the function's one instance, found by its instance label. */
    private static String containerOf(String function) {
        List<String> ids = DockerInspector.withLabels(
                Map.of(Labels.RUNTIME, runtime.runtimeId(), Labels.INSTANCE, instanceOf(function)));
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }
}
