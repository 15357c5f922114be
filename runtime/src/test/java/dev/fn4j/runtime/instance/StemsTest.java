package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.protocol.StemAssignment;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.limit.SpareCpu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StemsTest {

    private static final LoadedImage IMAGE = StemKeyTest.image(
            "sha256:" + "cd".repeat(32),
            Map.of(ImageLayout.LABEL_HOST_DIGEST, "sha256:" + "ab".repeat(32), StemKey.LABEL_BASE_RECIPE, "r1"));

    @TempDir
    Path work;

    /** Records the containers it starts and removes, and copies one class file out of any image. */
    static final class RecordingEngine extends StubEngine {
        final List<InstanceSpec> started = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final Set<String> stopped = new HashSet<>();
        int extracted;

        @Override
        public String start(InstanceSpec spec) {
            started.add(spec);
            return "c" + started.size();
        }

        @Override
        public ContainerState inspect(String containerId) {
            return new ContainerState(!stopped.contains(containerId), 0, false, "");
        }

        @Override
        public void remove(String containerId) {
            removed.add(containerId);
        }

        @Override
        public boolean canExtractFromImage() {
            return true;
        }

        @Override
        public void extractFromImage(
                String imageRef, String dir, Path target, Set<String> skip, Map<String, String> labels) {
            extracted++;
            try {
                Files.createDirectories(target.resolve("classes/com/example"));
                Files.writeString(target.resolve("classes/com/example/Echo.class"), "bytes");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs each task on the calling thread: a stem starts, and is removed, before the call returns. */
    static final class Direct extends AbstractExecutorService {
        private boolean shut;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private final RecordingEngine engine = new RecordingEngine();
    private MemoryBudget budget = new MemoryBudget(4L << 30);
    /** Checks for spare CPU the test runs itself; none unless a test sets {@link #hostBusy}. */
    private final Queue<Runnable> cpuChecks = new ArrayDeque<>();

    private double hostBusy;
    private boolean checkCpuLater;

    private Stems stems(int max) {
        return new Stems(
                engine,
                "rt1",
                Map.of("team", "a"),
                work.resolve("instances"),
                work.resolve("stem-files"),
                new InstanceRemover(engine, new Direct()),
                new Direct(),
                new SpareCpu(
                        () -> hostBusy,
                        new Direct(),
                        task -> {
                            if (checkCpuLater) {
                                cpuChecks.add(task);
                            } else {
                                task.run();
                            }
                        },
                        () -> 0,
                        Duration.ofSeconds(60)),
                budget,
                max);
    }

    private static StemKey key(long memoryBytes) {
        return StemKey.of(StemKeyTest.spec(memoryBytes, Map.of()), IMAGE);
    }

    @Test
    void aPreparedStemIsTakenOnceForItsKey() {
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 2_000_000_000L);

        Stems.Stem stem = stems.take(key(256L << 20));

        assertThat(stem.containerId()).isEqualTo("c1");
        assertThat(stems.take(key(256L << 20))).isNull();
        InstanceSpec spec = engine.started.get(0);
        assertThat(spec.containerName()).isEqualTo("fn4j-stem-" + stem.instanceId());
        assertThat(spec.image()).isEqualTo(IMAGE.id());
        assertThat(spec.memoryBytes()).isEqualTo(256L << 20);
        assertThat(spec.nanoCpus()).isEqualTo(2_000_000_000L);
        assertThat(spec.jvmOptions()).isEqualTo(StemAssignment.JVM_OPTIONS);
        assertThat(spec.env()).containsEntry(StemAssignment.ENV_STEM, "true");
        assertThat(spec.labels())
                .containsEntry(Labels.RUNTIME, "rt1")
                .containsEntry(Labels.STEM, key(256L << 20).label())
                .containsEntry(Labels.INSTANCE, stem.instanceId())
                .containsEntry("team", "a")
                .doesNotContainKey(Labels.FUNCTION);
    }

    @Test
    void preparingAKeyThatHasAStemStartsNoOther() {
        Stems stems = stems(2);
        stems.prepare(key(256L << 20), IMAGE, 1);
        stems.prepare(key(256L << 20), IMAGE, 1);

        assertThat(engine.started).hasSize(1);
    }

    @Test
    void aKeyPastTheMostTakesThePlaceOfTheOneWantedLeastRecently() {
        Stems stems = stems(2);
        stems.prepare(key(128L << 20), IMAGE, 1);
        stems.prepare(key(256L << 20), IMAGE, 1);

        stems.prepare(key(512L << 20), IMAGE, 1);

        assertThat(engine.removed).containsExactly("c1");
        assertThat(stems.take(key(128L << 20))).isNull();
        assertThat(stems.take(key(256L << 20)).containerId()).isEqualTo("c2");
        assertThat(stems.take(key(512L << 20)).containerId()).isEqualTo("c3");
    }

    @Test
    void aStemHoldsItsMemoryInTheBudgetUntilTakenAndStartsOnlyWhenItFits() {
        budget = new MemoryBudget(384L << 20);
        Stems stems = stems(2);
        stems.prepare(key(256L << 20), IMAGE, 1);
        assertThat(budget.available()).isEqualTo(128L << 20);

        stems.prepare(key(192L << 20), IMAGE, 1);
        assertThat(engine.started)
                .as("192 MiB does not fit beside the first stem")
                .hasSize(1);

        stems.take(key(256L << 20));
        assertThat(budget.available())
                .as("the instance it becomes reserves its own")
                .isEqualTo(384L << 20);
        stems.prepare(key(192L << 20), IMAGE, 1);
        stems.close();
        assertThat(budget.available()).isEqualTo(384L << 20);
    }

    @Test
    void anImageAStemCanRunHasItsFilesCopiedOutOnceWhenLoaded() throws IOException {
        Stems stems = stems(1);

        stems.prefetch(IMAGE);
        stems.prefetch(IMAGE);
        stems.prefetch(StemKeyTest.image("sha256:" + "ef".repeat(32), Map.of(ImageLayout.LABEL_LANGUAGE, "python")));

        assertThat(engine.extracted).isEqualTo(1);
        assertThat(work.resolve("stem-files").resolve("cd".repeat(32)).resolve("classes/com/example/Echo.class"))
                .hasContent("bytes");
        stems(0).prefetch(IMAGE);
        assertThat(engine.extracted).as("stems off: nothing to copy for").isEqualTo(1);
    }

    @Test
    void aStemWaitsForSpareCpuAsStartingAndClosingThenStartsNone() {
        budget = new MemoryBudget(1L << 30);
        checkCpuLater = true;
        hostBusy = 1.0;
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 1);
        cpuChecks.remove().run();

        stems.prepare(key(256L << 20), IMAGE, 1);
        assertThat(engine.started).isEmpty();
        assertThat(cpuChecks)
                .as("one stem waits, the second prepare added none")
                .hasSize(1);
        assertThat(budget.available()).isEqualTo(768L << 20);

        stems.close();
        hostBusy = 0.1;
        cpuChecks.remove().run();

        assertThat(engine.started).isEmpty();
        assertThat(budget.available()).isEqualTo(1L << 30);
    }

    @Test
    void aWaitingStemStartsOnceTheHostHasCpuToSpare() {
        checkCpuLater = true;
        hostBusy = 0.95;
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 1);
        cpuChecks.remove().run();
        assertThat(engine.started).isEmpty();

        hostBusy = 0.4;
        cpuChecks.remove().run();

        assertThat(engine.started).hasSize(1);
        assertThat(stems.take(key(256L << 20)).containerId()).isEqualTo("c1");
    }

    @Test
    void aStemWhoseContainerStoppedIsRemovedInsteadOfTaken() {
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 1);
        engine.stopped.add("c1");

        assertThat(stems.take(key(256L << 20))).isNull();
        assertThat(engine.removed).containsExactly("c1");
    }

    @Test
    void noStemStartsWhenTheMostIsZeroOrAfterClose() {
        stems(0).prepare(key(256L << 20), IMAGE, 1);
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 1);

        stems.close();
        stems.prepare(key(128L << 20), IMAGE, 1);

        assertThat(engine.started).hasSize(1);
        assertThat(engine.removed).containsExactly("c1");
    }

    @Test
    void assigningLinksTheImagesFilesReadOnlyAndWritesTheAssignmentWhole() throws IOException {
        Stems stems = stems(1);
        stems.prepare(key(256L << 20), IMAGE, 1);
        Stems.Stem first = stems.take(key(256L << 20));
        stems.prepare(key(256L << 20), IMAGE, 1);
        Stems.Stem second = stems.take(key(256L << 20));

        stems.assign(first, IMAGE, Map.of("GREETING", "hi"));
        stems.assign(second, IMAGE, Map.of());

        assertThat(engine.extracted).as("an image's files are copied out once").isEqualTo(1);
        Path copied = first.dir().resolve("app/classes/com/example/Echo.class");
        assertThat(copied).hasContent("bytes");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(first.dir().resolve("app"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(first.dir().resolve(StemAssignment.FILE + ".partial")).doesNotExist();
        try (InputStream in = Files.newInputStream(first.dir().resolve(StemAssignment.FILE))) {
            StemAssignment assignment = StemAssignment.read(in);
            assertThat(assignment.env()).containsExactly(Map.entry("GREETING", "hi"));
            assertThat(assignment.classPath()).isEqualTo(StemAssignment.classPathUnder("/fn4j"));
        }
    }
}
