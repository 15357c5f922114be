package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process engine's image store reads the archives Jib writes, keeping only {@code /app}. */
class InProcessImagesTest {

    @TempDir
    Path work;

    @Test
    void loadsAJibArchiveExtractingOnlyAppAndFindsItAgainByIdWithItsLabels() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/app/classes/com/example/Hello.class", "classes");
        files.put("/app/libs/lib.jar", "jar");
        files.put("/etc/passwd", "not the image's business here");
        TestImages.Built built = TestImages.scratch(
                work, "fn4j/inproc:1", ImageFormat.Docker, files, Map.of("dev.fn4j.handlers", "com.example.Hello"));
        InProcessImages images = new InProcessImages(work.resolve("store"));

        LoadedImage loaded = images.load(built.tar());

        assertThat(loaded.id()).isEqualTo(built.imageId());
        assertThat(loaded.handlers()).containsExactly("com.example.Hello");
        Path root = images.root(loaded.id());
        assertThat(root.resolve("app/classes/com/example/Hello.class")).hasContent("classes");
        assertThat(root.resolve("etc/passwd")).doesNotExist();
        assertThat(images.find(loaded.id()).handlers()).containsExactly("com.example.Hello");
        assertThat(images.find("sha256:" + "0".repeat(64))).isNull();
        assertThat(images.find("fn4j/inproc:1")).isNull();
        // Loading it again reuses what was extracted.
        assertThat(images.load(built.tar()).id()).isEqualTo(loaded.id());
    }

    @Test
    void aLayerTheStoreNeverReceivedIsNotReusable() {
        InProcessImages images = new InProcessImages(work.resolve("store"));

        assertThat(images.reusableLayers(List.of("sha256:" + "a".repeat(64)))).isZero();
        assertThat(images.reusableLayers(List.of())).isZero();
    }

    @Test
    void theClassPathIsTheEntrypointsWithEachPathUnderTheExtractedRootAndWildcardsExpanded() throws Exception {
        Path root = work.resolve("image");
        Files.createDirectories(root.resolve("app/libs"));
        Files.writeString(root.resolve("app/libs/b.jar"), "b");
        Files.writeString(root.resolve("app/libs/a.jar"), "a");

        String classPath = InProcessEngine.classPath(root);

        assertThat(classPath.split(File.pathSeparator))
                .containsExactly(
                        root.resolve("app/host/fn4j-host.jar").toString(),
                        root.resolve("app/resources").toString(),
                        root.resolve("app/classes").toString(),
                        root.resolve("app/libs/a.jar").toString(),
                        root.resolve("app/libs/b.jar").toString());
    }
}
