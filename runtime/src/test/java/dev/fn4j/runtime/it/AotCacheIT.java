package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.ClassDataArchives;
import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.instance.InstanceRemover;
import dev.fn4j.runtime.instance.InstanceStarter;
import dev.fn4j.runtime.it.fns.Greeter;
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
 * Java 25's AOT cache on real Docker, for a function built on the JRE 25 base image
 * (scripts/test.sh builds it when a JDK 25 is installed; skipped without it): the training run
 * writes an AOT cache instead of an AppCDS archive, later instances map it, and a damaged cache
 * costs only the cache, never the start.
 */
class AotCacheIT {

    /** The base image scripts/base-image.sh builds from a JDK 25. */
    static final String BASE = System.getProperty("fn4j.test.baseImage25", "fn4j/jre-base:25");

    private final String runtimeId = "aot-it-" + Ids.instanceId();
    private final DockerContainerEngine engine = DockerContainerEngine.fromEnvironment();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private Path dir;
    private Path archivesDir;
    private InstanceStarter starter;
    private InstanceRemover remover;
    private LoadedImage image;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(
                engine.findImage(BASE) != null,
                BASE + " is missing: build it with" + " JAVA_HOME=<a JDK 25> scripts/base-image.sh " + BASE);
        dir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-aot-");
        archivesDir = dir.resolve("cds");
        image = engine.loadImage(TestImages.functionsOn(BASE));
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
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdown();
        background.awaitTermination(70, TimeUnit.SECONDS);
        timers.shutdownNow();
        List<String> left = engine.listByLabel(Labels.RUNTIME, runtimeId);
        left.forEach(engine::remove);
        engine.close();
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        assertThat(left).as("containers left behind").isEmpty();
    }

    /** The greeter's revision 1; {@code env} changes no archive key (Java version and host jar). */
    private Function greeter(Map<String, String> env) {
        FunctionSpec spec = new FunctionSpec(
                image.id(),
                Greeter.class.getName(),
                Duration.ofSeconds(30),
                256L << 20,
                1.0,
                1,
                env,
                new FunctionSpec.Scaling(0, 1, Duration.ofMinutes(10), 10),
                null,
                false);
        return new Function("greeter", 1, spec, Instant.now(), Instant.now());
    }

    /** The platform's archives: the test image names its host jar. */
    private List<Path> stored(String extension) throws Exception {
        Path functionDir = archivesDir.resolve("_platform");
        if (!Files.isDirectory(functionDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(functionDir)) {
            return files.filter(f -> f.toString().endsWith(extension)).toList();
        }
    }

    private Path trainedCache() throws Exception {
        assertThat(starter.train(greeter(Map.of()))).isTrue();
        assertThat(engine.listByLabel(Labels.RUNTIME, runtimeId))
                .as("the training container")
                .isEmpty();
        assertThat(stored(".jsa")).as("no AppCDS archive on Java 25").isEmpty();
        assertThat(stored(".aot")).hasSize(1);
        return stored(".aot").get(0);
    }

    private String logs(Instance instance) {
        return String.join("\n", engine.logTail(instance.containerId(), 1000));
    }

    @Test
    void theImageSaysItRunsJava25() {
        assertThat(image.javaVersion()).startsWith("jdk-25");
        assertThat(image.javaFeature()).isEqualTo(25);
    }

    @Test
    void aTrainingRunWritesAnAotCacheThatLaterInstancesMap() throws Exception {
        Path cache = trainedCache();

        // The JVM's own log, from inside the container, says which cache it mapped.
        Instance instance = starter.start(greeter(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot")));
        try {
            assertThat(List.of(DockerInspector.inspect(instance.containerId())
                            .getConfig()
                            .getEntrypoint()))
                    .contains("-XX:AOTCache=/fn4j/app.aot")
                    .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
            assertThat(Files.isSameFile(instance.socketDir().resolve("app.aot"), cache))
                    .isTrue();
            Await.until(
                    "the JVM logs the AOT cache it opened",
                    Duration.ofSeconds(10),
                    () -> logs(instance).contains("Opened AOT cache /fn4j/app.aot"));
            assertThat(logs(instance)).doesNotContain("refused").doesNotContain("[error");
        } finally {
            instance.kill("test over");
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
    }

    @Test
    void aDamagedAotCacheIsRefusedAndTheInstanceStartsWithoutIt() throws Exception {
        Path cache = trainedCache();
        cache.toFile().setWritable(true);
        Files.write(cache, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Instance instance = starter.start(greeter(Map.of()));
        try {
            assertThat(instance.state()).isEqualTo(Instance.State.READY);
            Await.until(
                    "the host says the cache was refused",
                    Duration.ofSeconds(10),
                    () -> logs(instance).contains("refused the class-data archive"));
        } finally {
            instance.kill("test over");
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
    }
}
