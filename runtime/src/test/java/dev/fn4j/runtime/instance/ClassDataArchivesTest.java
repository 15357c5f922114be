package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
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
        return function("hello", revision, image);
    }

    private static ArchiveKey key(long revision, String image) {
        return ArchiveKey.ofRevision(function(revision, image));
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

        assertThat(archives.use(key(1, "sha256:aa"), dir)).isEmpty();
        assertThat(archives.train(key(1, "sha256:aa"), dir, CDS))
                .containsExactly("-XX:ArchiveClassesAtExit=/fn4j/cds/app.jsa");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cds"))))
                .isEqualTo("rwxrwxrwx");
    }

    @Test
    void aCollectedArchiveIsReadOnlyAndLinkedIntoEveryLaterInstanceOfTheRevision() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        ArchiveKey revision = key(1, "sha256:aa");
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
        ArchiveKey revision = key(1, "sha256:aa");
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
        archives.train(key(1, "sha256:aa"), training, CDS);
        writeTrainedArchive(training, "classes");
        archives.collect(key(1, "sha256:aa"), training, CDS);

        assertThat(archives.use(key(2, "sha256:aa"), socketDir("r2"))).isEmpty();
        assertThat(archives.use(key(1, "sha256:bb"), socketDir("other-image"))).isEmpty();
    }

    @Test
    void aTrainingRunThatWroteNothingKeepsNoArchive() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(key(1, "sha256:aa"), training, CDS);

        assertThat(archives.collect(key(1, "sha256:aa"), training, CDS)).isFalse();
        assertThat(archives.use(key(1, "sha256:aa"), socketDir("i"))).isEmpty();
    }

    @Test
    void aRemovedFunctionsArchivesAreDeleted() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        Path training = socketDir("train");
        archives.train(key(1, "sha256:aa"), training, CDS);
        writeTrainedArchive(training, "classes");
        archives.collect(key(1, "sha256:aa"), training, CDS);

        archives.forget("hello");

        assertThat(archives.archive(key(1, "sha256:aa"), CDS)).doesNotExist();
    }

    @Test
    void archivesOffChangeNothing() throws Exception {
        ClassDataArchives archives = ClassDataArchives.off();
        Path dir = socketDir("i");

        assertThat(archives.train(key(1, "sha256:aa"), dir, CDS)).isEmpty();
        assertThat(archives.use(key(1, "sha256:aa"), dir)).isEmpty();
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    @Test
    void aJava25RevisionTrainsAnAotCacheAndItsInstancesMapIt() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        ArchiveKey revision = key(1, "sha256:aa");
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
        ArchiveKey revision = key(1, "sha256:aa");
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
        archives.train(key(1, "sha256:aa"), training, AOT);
        writeTrainedArchive(training, AOT, "cache");
        archives.collect(key(1, "sha256:aa"), training, AOT);

        archives.forget("hello");

        assertThat(archives.has(key(1, "sha256:aa"))).isFalse();
    }

    private static final String HOST = "sha256:" + "ab".repeat(32);

    private static LoadedImage image(String id, String javaVersion, String hostDigest) {
        Map<String, String> labels = hostDigest == null ? Map.of() : Map.of(ImageLayout.LABEL_HOST_DIGEST, hostDigest);
        return new LoadedImage(id, List.of(), labels, javaVersion);
    }

    private static Function function(String name, long revision, String image) {
        FunctionSpec spec = new FunctionSpec(image, "com.example.Hello", Map.of(), Settings.DEFAULTS);
        return new Function(name, revision, spec, AT, AT);
    }

    /** What a training run for the key keeps. */
    private void trained(ClassDataArchives archives, ArchiveKey key, ArchiveKind kind) throws Exception {
        Path training = socketDir("train-" + key.name().hashCode());
        archives.train(key, training, kind);
        writeTrainedArchive(training, kind, "classes of " + key.name());
        assertThat(archives.collect(key, training, kind)).isTrue();
    }

    @Test
    void anImageNamingItsHostIsKeyedByItsPlatformNotItsRevision() {
        ArchiveKey greeter =
                ArchiveKey.of(function("greeter", 3, "sha256:aa"), image("sha256:aa", "jdk-17.0.15+6", HOST));
        ArchiveKey other = ArchiveKey.of(function("other", 1, "sha256:bb"), image("sha256:bb", "jdk-17.0.15+6", HOST));

        assertThat(greeter).isEqualTo(other);
        assertThat(greeter.shared()).isTrue();
        assertThat(greeter.directory()).isEqualTo(ArchiveKey.PLATFORM_DIR);
        assertThat(greeter.name()).isEqualTo("jdk-17.0.15_6-host-" + "ab".repeat(32));
    }

    @Test
    void anotherJavaOrHostJarIsAnotherPlatform() {
        Function f = function("greeter", 1, "sha256:aa");
        ArchiveKey platform = ArchiveKey.of(f, image("sha256:aa", "jdk-17.0.15+6", HOST));

        assertThat(ArchiveKey.of(f, image("sha256:aa", "jdk-17.0.16+8", HOST))).isNotEqualTo(platform);
        assertThat(ArchiveKey.of(f, image("sha256:aa", "jdk-17.0.15+6", "sha256:" + "cd".repeat(32))))
                .isNotEqualTo(platform);
    }

    @Test
    void anImageWithoutAValidHostDigestOrJavaVersionKeepsItsRevisionsKey() {
        Function f = function("greeter", 2, "sha256:aa");
        ArchiveKey revision = ArchiveKey.ofRevision(f);

        assertThat(ArchiveKey.of(f, null)).isEqualTo(revision);
        assertThat(ArchiveKey.of(f, image("sha256:aa", "jdk-17.0.15+6", null))).isEqualTo(revision);
        assertThat(ArchiveKey.of(f, image("sha256:aa", null, HOST))).isEqualTo(revision);
        assertThat(ArchiveKey.of(f, image("sha256:aa", "jdk-17.0.15+6", "sha256:short")))
                .isEqualTo(revision);
        assertThat(revision.shared()).isFalse();
        assertThat(revision.directory()).isEqualTo("greeter");
        assertThat(revision.name()).isEqualTo("2-aa");
    }

    @Test
    void anotherFunctionOnThePlatformMapsTheArchiveTheFirstOneTrained() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        ArchiveKey first = ArchiveKey.of(function("greeter", 1, "sha256:aa"), image("sha256:aa", "17.0.15", HOST));
        trained(archives, first, CDS);
        ArchiveKey other = ArchiveKey.of(function("other", 7, "sha256:bb"), image("sha256:bb", "17.0.15", HOST));

        assertThat(archives.needsTraining(other)).isFalse();
        Path dir = socketDir("other-1");
        assertThat(archives.use(other, dir)).containsExactly("-XX:SharedArchiveFile=/fn4j/app.jsa");
        assertThat(Files.isSameFile(dir.resolve("app.jsa"), archives.archive(first, CDS)))
                .isTrue();
        assertThat(archives.archive(first, CDS).getParent().getFileName().toString())
                .isEqualTo(ArchiveKey.PLATFORM_DIR);
    }

    @Test
    void forgettingAFunctionKeepsThePlatformsArchiveAndDropsItsRevisions() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        ArchiveKey platform = ArchiveKey.of(function("hello", 1, "sha256:aa"), image("sha256:aa", "17.0.15", HOST));
        ArchiveKey revision = key(2, "sha256:cc");
        trained(archives, platform, CDS);
        trained(archives, revision, CDS);

        archives.forget("hello");
        archives.forget(ArchiveKey.PLATFORM_DIR);

        assertThat(archives.has(revision)).isFalse();
        assertThat(archives.has(platform)).isTrue();
    }

    @Test
    void oneTrainingRunPerKeyAtATime() {
        ClassDataArchives archives = ClassDataArchives.in(tmp.resolve("cds"));
        ArchiveKey platform = ArchiveKey.of(function("hello", 1, "sha256:aa"), image("sha256:aa", "17.0.15", HOST));
        ArchiveKey same = ArchiveKey.of(function("other", 1, "sha256:bb"), image("sha256:bb", "17.0.15", HOST));

        assertThat(archives.claim(platform)).isTrue();
        assertThat(archives.claim(same)).as("another revision on the platform").isFalse();
        assertThat(archives.claim(key(1, "sha256:aa"))).as("another key").isTrue();
        archives.release(platform);
        assertThat(archives.claim(same)).isTrue();
        assertThat(ClassDataArchives.off().claim(platform)).isFalse();
    }
}
