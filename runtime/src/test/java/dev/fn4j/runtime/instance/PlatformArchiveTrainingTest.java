package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the starter trains a platform's archive, with an engine that records and starts nothing. */
class PlatformArchiveTrainingTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HOST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path tmp;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService watchers = Executors.newCachedThreadPool();
    private final RecordingEngine engine = new RecordingEngine();

    @AfterEach
    void stop() {
        timers.shutdownNow();
        watchers.shutdownNow();
    }

    private InstanceStarter starter(ClassDataArchives archives) {
        return new InstanceStarter(
                engine,
                "rt-1",
                Map.of(),
                tmp.resolve("instances"),
                Duration.ofSeconds(5),
                watchers,
                timers,
                new InstanceRemover(engine, watchers),
                Clock.systemUTC(),
                InstanceStarter.Extras.NONE.withArchives(archives));
    }

    private static Function function(String name, long revision, String image) {
        return new Function(
                name, revision, new FunctionSpec(image, "com.example.Hello", Map.of(), Settings.DEFAULTS), AT, AT);
    }

    private ArchiveKey platformOf(Function function) {
        return ArchiveKey.of(function, engine.findImage(function.spec().image()));
    }

    @Test
    void aNewFunctionOnAPlatformWithAnArchiveStartsNoTrainingRun() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        engine.images.put("sha256:aa", labelled("sha256:aa"));
        engine.images.put("sha256:bb", labelled("sha256:bb"));
        Path stored = archives.archive(platformOf(function("first", 1, "sha256:aa")), ArchiveKind.APP_CDS);
        Files.createDirectories(stored.getParent());
        Files.writeString(stored, "classes");
        engine.lookups.clear();

        assertThat(starter(archives).train(function("second", 4, "sha256:bb"))).isTrue();

        assertThat(engine.starts).isEmpty();
    }

    @Test
    void aPlatformAnotherRevisionIsTrainingIsNotTrainedAgain() {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        engine.images.put("sha256:aa", labelled("sha256:aa"));
        engine.images.put("sha256:bb", labelled("sha256:bb"));
        assertThat(archives.claim(platformOf(function("first", 1, "sha256:aa"))))
                .isTrue();

        assertThat(starter(archives).train(function("second", 1, "sha256:bb"))).isFalse();

        assertThat(engine.starts).isEmpty();
    }

    @Test
    void anImageIsLookedUpOnceForAllItsRevisions() {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        engine.images.put("sha256:aa", labelled("sha256:aa"));
        InstanceStarter starter = starter(archives);
        assertThat(archives.claim(platformOf(function("hello", 1, "sha256:aa"))))
                .isTrue();
        engine.lookups.clear();

        starter.train(function("hello", 1, "sha256:aa"));
        starter.train(function("hello", 2, "sha256:aa"));

        assertThat(engine.lookups).containsExactly("sha256:aa");
    }

    @Test
    void withArchivesOffNoImageIsLookedUpAndNothingTrained() {
        engine.images.put("sha256:aa", labelled("sha256:aa"));

        assertThat(starter(ClassDataArchives.off()).train(function("hello", 1, "sha256:aa")))
                .isFalse();

        assertThat(engine.lookups).isEmpty();
        assertThat(engine.starts).isEmpty();
    }

    private static LoadedImage labelled(String id) {
        return new LoadedImage(id, List.of(), Map.of(ImageLayout.LABEL_HOST_DIGEST, HOST), "jdk-17.0.15+6");
    }

    /** Knows a few images, records lookups and starts, and refuses to start anything. */
    private static final class RecordingEngine extends StubEngine {
        final Map<String, LoadedImage> images = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> lookups = new CopyOnWriteArrayList<>();
        final List<InstanceSpec> starts = new CopyOnWriteArrayList<>();

        @Override
        public LoadedImage findImage(String imageRef) {
            lookups.add(imageRef);
            return images.get(imageRef);
        }

        @Override
        public String start(InstanceSpec spec) {
            starts.add(spec);
            return super.start(spec);
        }
    }
}
