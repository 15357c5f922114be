package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchivesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final ArchiveKind CDS = ArchiveKind.APP_CDS;
    private static final ArchiveKind AOT = ArchiveKind.AOT_CACHE;

    @TempDir
    Path tmp;

    private static Function function(long revision, String image) {
        FunctionSpec spec = new FunctionSpec(image, "com.example.Hello", Map.of(), Settings.DEFAULTS);
        return new Function("hello", revision, spec, AT, AT);
    }

    private Path socketDir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve("instances").resolve(name));
    }

    /** What a training run's JVM leaves behind when it exits. */
    private static void writeTrainedArchive(Path socketDir, String content) throws Exception {
        writeTrainedArchive(socketDir, CDS, content);
    }

    private static void writeTrainedArchive(Path socketDir, ArchiveKind kind, String content) throws Exception {
        Files.writeString(socketDir.resolve("cds").resolve(kind.file()), content);
    }

    @Test
    void aRevisionWithoutArchiveIsTrainedIntoADirectoryTheContainerMayWrite() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path dir = socketDir("i1");

        assertThat(archives.use(function(1, "sha256:aa"), dir)).isEmpty();
        assertThat(archives.train(function(1, "sha256:aa"), dir, CDS))
                .containsExactly("-XX:ArchiveClassesAtExit=/fn4j/cds/app.jsa");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cds"))))
                .isEqualTo("rwxrwxrwx");
    }

    @Test
    void aCollectedArchiveIsReadOnlyAndLinkedIntoEveryLaterInstanceOfTheRevision() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Function revision = function(1, "sha256:aa");
        Path training = socketDir("train");
        archives.train(revision, training, CDS);
        writeTrainedArchive(training, "classes");

        assertThat(archives.collect(revision, training, CDS)).isTrue();

        Path kept = archives.archive(revision, CDS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("r--r--r--");
        Path later = socketDir("i2");
        assertThat(archives.use(revision, later)).containsExactly("-XX:SharedArchiveFile=/fn4j/app.jsa");
        assertThat(Files.readString(later.resolve("app.jsa"))).isEqualTo("classes");
        assertThat(Files.isSameFile(later.resolve("app.jsa"), kept)).isTrue();
    }

    @Test
    void aRevisionWithAnArchiveIsNotTrainedAgain() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Function revision = function(1, "sha256:aa");
        Path training = socketDir("train");
        archives.train(revision, training, CDS);
        writeTrainedArchive(training, "classes");
        archives.collect(revision, training, CDS);

        assertThat(archives.train(revision, socketDir("again"), CDS)).isEmpty();
    }

    @Test
    void anotherRevisionOrImageNeverMeetsTheArchive() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(function(1, "sha256:aa"), training, CDS);
        writeTrainedArchive(training, "classes");
        archives.collect(function(1, "sha256:aa"), training, CDS);

        assertThat(archives.use(function(2, "sha256:aa"), socketDir("r2"))).isEmpty();
        assertThat(archives.use(function(1, "sha256:bb"), socketDir("other-image")))
                .isEmpty();
    }

    @Test
    void aTrainingRunThatWroteNothingKeepsNoArchive() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(function(1, "sha256:aa"), training, CDS);

        assertThat(archives.collect(function(1, "sha256:aa"), training, CDS)).isFalse();
        assertThat(archives.use(function(1, "sha256:aa"), socketDir("i"))).isEmpty();
    }

    @Test
    void aRemovedFunctionsArchivesAreDeleted() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(function(1, "sha256:aa"), training, CDS);
        writeTrainedArchive(training, "classes");
        archives.collect(function(1, "sha256:aa"), training, CDS);

        archives.forget("hello");

        assertThat(archives.archive(function(1, "sha256:aa"), CDS)).doesNotExist();
    }

    @Test
    void archivesOffChangeNothing() throws Exception {
        ClassDataArchives archives = ClassDataArchives.off();
        Path dir = socketDir("i");

        assertThat(archives.train(function(1, "sha256:aa"), dir, CDS)).isEmpty();
        assertThat(archives.use(function(1, "sha256:aa"), dir)).isEmpty();
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    @Test
    void aJava25RevisionTrainsAnAotCacheAndItsInstancesMapIt() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Function revision = function(1, "sha256:aa");
        Path training = socketDir("train");

        assertThat(archives.train(revision, training, AOT)).contains("-XX:AOTCacheOutput=/fn4j/cds/app.aot");
        writeTrainedArchive(training, AOT, "cache");
        assertThat(archives.collect(revision, training, AOT)).isTrue();

        assertThat(archives.archive(revision, AOT).getFileName().toString()).endsWith(".aot");
        assertThat(archives.has(revision)).isTrue();
        assertThat(archives.needsTraining(revision)).isFalse();
        Path later = socketDir("i2");
        assertThat(archives.use(revision, later)).contains("-XX:AOTCache=/fn4j/app.aot");
        assertThat(Files.isSameFile(later.resolve("app.aot"), archives.archive(revision, AOT)))
                .isTrue();
        assertThat(later.resolve("app.jsa")).doesNotExist();
    }

    @Test
    void aTrainingRunIsCollectedAsTheKindItWasTrainedFor() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Function revision = function(1, "sha256:aa");
        Path training = socketDir("train");
        archives.train(revision, training, AOT);
        // A JVM that wrote the other kind's file (it was not asked to): nothing to keep.
        writeTrainedArchive(training, CDS, "classes");

        assertThat(archives.collect(revision, training, AOT)).isFalse();
        assertThat(archives.use(revision, socketDir("i"))).isEmpty();
    }

    @Test
    void aRemovedFunctionsAotCachesAreDeletedToo() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(function(1, "sha256:aa"), training, AOT);
        writeTrainedArchive(training, AOT, "cache");
        archives.collect(function(1, "sha256:aa"), training, AOT);

        archives.forget("hello");

        assertThat(archives.has(function(1, "sha256:aa"))).isFalse();
    }
}
