package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.ClassDataArchives;
import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.instance.InstanceRemover;
import dev.fn4j.runtime.instance.InstanceStarter;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.ZstdRoundTrip;
import dev.fn4j.runtime.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive on real Docker: a training run keeps it once for the platform (the test
 * images name their host jar), later instances, of this function and of another one with other
 * jars, start with it, and a damaged archive costs only the sharing, never the start.
 */
class ClassDataArchiveIT {

    private final String runtimeId = "cds-it-" + Ids.instanceId();
    private final DockerContainerEngine engine = DockerContainerEngine.fromEnvironment();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private Path dir;
    private Path archivesDir;
    private InstanceStarter starter;
    private InstanceRemover remover;
    private Function function;
    private FunctionSpec spec;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-cds-");
        archivesDir = dir.resolve("cds");
        String imageId = engine.loadImage(TestImages.functions()).id();
        remover = new InstanceRemover(engine, background);
        starter = new InstanceStarter(
                engine,
                runtimeId,
                TestContainers.LABELS,
                dir.resolve("i"),
                Duration.ofSeconds(60),
                background,
                timers,
                remover,
                Clock.systemUTC(),
                InstanceStarter.Extras.NONE.withArchives(ClassDataArchives.in(archivesDir)));
        spec = new FunctionSpec(
                imageId,
                Greeter.class.getName(),
                Duration.ofSeconds(30),
                256L << 20,
                1.0,
                1,
                Map.of(),
                new FunctionSpec.Scaling(0, 1, Duration.ofMinutes(10), 10),
                null,
                false);
        function = new Function("greeter", 1, spec, Instant.now(), Instant.now());
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdown();
        background.awaitTermination(40, TimeUnit.SECONDS);
        timers.shutdownNow();
        List<String> left = engine.listByLabel(Labels.RUNTIME, runtimeId);
        left.forEach(engine::remove);
        engine.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(left).as("containers left behind").isEmpty();
    }

    private List<Path> archives() throws Exception {
        Path functionDir = archivesDir.resolve("_platform");
        if (!Files.isDirectory(functionDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(functionDir)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    private Path trainedArchive() throws Exception {
        assertThat(starter.train(function)).isTrue();
        assertThat(engine.listByLabel(Labels.RUNTIME, runtimeId))
                .as("the training container")
                .isEmpty();
        assertThat(archives()).hasSize(1);
        return archives().get(0);
    }

    private static List<String> entrypoint(Instance instance) {
        return List.of(
                DockerInspector.inspect(instance.containerId()).getConfig().getEntrypoint());
    }

    @Test
    void aTrainingRunKeepsTheArchiveOnceAndLaterInstancesMapIt() throws Exception {
        Path archive = trainedArchive();
        Object key = Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();

        Instance instance = starter.start(function);
        try {
            assertThat(entrypoint(instance)).contains("-XX:SharedArchiveFile=/fn4j/app.jsa");
            assertThat(Files.isSameFile(instance.socketDir().resolve("app.jsa"), archive))
                    .isTrue();
            assertThat(remover.lastLogLines(instance.containerId())).doesNotContain("refused");
        } finally {
            instance.kill("test over");
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
        assertThat(starter.train(function)).isTrue();
        assertThat(engine.listByLabel(Labels.RUNTIME, runtimeId))
                .as("no second training run")
                .isEmpty();
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .as("the archive was not trained again")
                .isEqualTo(key);
    }

    @Test
    void aDamagedArchiveIsRefusedAndTheInstanceStartsWithoutIt() throws Exception {
        Path archive = trainedArchive();
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Instance instance = starter.start(function);
        try {
            assertThat(instance.state()).isEqualTo(Instance.State.READY);
            Await.until(
                    "the host says the archive was refused",
                    Duration.ofSeconds(10),
                    () -> remover.lastLogLines(instance.containerId()).contains("refused the class-data archive"));
        } finally {
            instance.kill("test over");
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
    }

    @Test
    void anotherFunctionWithOtherJarsMapsThePlatformsArchiveFromItsFirstStart() throws Exception {
        Path archive = trainedArchive();
        assertThat(archivesDir.resolve("greeter"))
                .as("no archive of the greeter's own")
                .doesNotExist();
        String otherImage = engine.loadImage(TestImages.nativeLibraries()).id();
        // -Xshare:on: a JVM that cannot map the archive (another class path, say) fails to start.
        FunctionSpec otherSpec = new FunctionSpec(
                otherImage,
                ZstdRoundTrip.class.getName(),
                spec.timeout(),
                spec.memoryBytes(),
                spec.cpus(),
                1,
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+path=info"),
                spec.scaling(),
                null,
                false);
        Function other = new Function("zstd", 1, otherSpec, Instant.now(), Instant.now());

        Instance instance = starter.start(other);
        try {
            assertThat(instance.state()).isEqualTo(Instance.State.READY);
            assertThat(entrypoint(instance)).contains("-XX:SharedArchiveFile=/fn4j/app.jsa");
            assertThat(Files.isSameFile(instance.socketDir().resolve("app.jsa"), archive))
                    .isTrue();
            Await.until(
                    "the JVM logs the archive's class path it checked",
                    Duration.ofSeconds(10),
                    () -> remover.lastLogLines(instance.containerId())
                            .contains("checking shared classpath entry: /app/host/fn4j-host.jar"));
            assertThat(remover.lastLogLines(instance.containerId()))
                    .doesNotContain("mismatch")
                    .doesNotContain("refused");
        } finally {
            instance.kill("test over");
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
        assertThat(starter.train(other)).as("the platform has its archive").isTrue();
        assertThat(archives()).containsExactly(archive);
        assertThat(archivesDir.resolve("zstd")).doesNotExist();
    }
}
