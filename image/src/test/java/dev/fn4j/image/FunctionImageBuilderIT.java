package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real images with Jib against the local Docker engine's base image. */
class FunctionImageBuilderIT {

    private static final String BASE = System.getProperty("fn4j.test.baseImage", "fn4j/jre-base:17");
    private static final String HELLO = """
            package fixture;
            public class Hello implements dev.fn4j.api.Handler<String, String> {
                public String handle(String input, dev.fn4j.api.Context context) { return "%s " + input; }
            }
            """;

    @TempDir
    static Path work;

    private static Path hostJar;
    private static Path resources;
    private static List<Path> dependencies;
    /** Images this test loaded into Docker; removed afterwards. */
    private static final List<String> loaded = new ArrayList<>();

    private final FunctionImageBuilder builder = new FunctionImageBuilder();

    @BeforeAll
    static void inputs() throws IOException {
        Path hostContent = Files.createDirectories(work.resolve("host-content"));
        Files.writeString(hostContent.resolve("README"), "a stand-in for the fn4j-host jar");
        hostJar = TestSources.jar(work.resolve("fn4j-host.jar"), hostContent);
        resources = Files.createDirectories(work.resolve("resources"));
        Files.writeString(resources.resolve("greeting.txt"), "Hello");
        Path libs = Files.createDirectories(work.resolve("libs"));
        dependencies = List.of(
                TestSources.jar(libs.resolve("lib-1.0.jar"), hostContent),
                TestSources.jar(libs.resolve("wip-2.0-SNAPSHOT.jar"), hostContent),
                TestSources.jar(libs.resolve("fn4j-api-0.1.0-SNAPSHOT.jar"), hostContent));
    }

    @AfterAll
    static void removeImages() throws Exception {
        for (String image : loaded) {
            docker("rmi", "-f", image);
        }
    }

    private static Path classes(String name, String greeting) throws IOException {
        Path dir = work.resolve(name);
        if (!Files.exists(dir)) {
            TestSources.compile(dir, Map.of("fixture.Hello", HELLO.formatted(greeting)), List.of());
        }
        return dir;
    }

    private static String unique() {
        return "fn4j-test/build-it-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
    }

    private ImageBuildRequest.Builder request(Path classes, ImageOutput output) {
        return ImageBuildRequest.builder()
                .baseImage(BaseImage.parse("docker://" + BASE))
                .hostJar(hostJar)
                .classesDir(classes)
                .resourcesDir(resources)
                .dependencies(dependencies)
                .handlers(List.of("fixture.Hello"))
                .labels(Map.of("org.example.team", "blue"))
                .cacheDir(work.resolve("jib-cache"))
                .output(output);
    }

    @Test
    void writesADockerArchiveWithTheFunctionLayoutAndLabels() throws Exception {
        String name = unique();
        Path tar = work.resolve("out/one.tar");

        BuiltImage built = builder.build(request(classes("classes-a", "Hello"), ImageOutput.tar(tar, name))
                .build());

        assertThat(built.tarFile()).isEqualTo(tar).isRegularFile();
        assertThat(built.imageName()).isEqualTo(name);
        assertThat(built.digest()).startsWith("sha256:");
        assertThat(built.imageId()).startsWith("sha256:");
        ImageArchive archive = ImageArchive.read(tar);
        assertThat(archive.entries).containsKey("manifest.json");
        assertThat(archive.manifest.repoTags()).containsExactly(name);
        ImageArchive.Config config = archive.config;
        assertThat(config.entrypoint()).isEqualTo(ImageLayout.entrypoint());
        assertThat(config.cmd())
                .as("the base image's CMD must not become the host's arguments")
                .isNullOrEmpty();
        assertThat(config.user()).isEqualTo(ImageLayout.USER);
        assertThat(config.workingDir()).isEqualTo(ImageLayout.WORKING_DIR);
        assertThat(config.labels())
                .containsEntry(ImageLayout.LABEL_HANDLERS, "fixture.Hello")
                .containsEntry(ImageLayout.LABEL_API_VERSION, "0.1.0-SNAPSHOT")
                .containsEntry(ImageLayout.LABEL_HOST_DIGEST, ImageLabels.sha256(hostJar))
                .containsEntry("org.example.team", "blue");
        assertThat(archive.config.created()).startsWith("1970-01-01T00:00:00");

        // The last five layers are ours, in order; the base image's come before them.
        assertThat(archive.layerPaths(-5)).contains("app/host/fn4j-host.jar");
        assertThat(archive.layerPaths(-4))
                .contains("app/libs/lib-1.0.jar")
                .noneMatch(path -> path.contains("fn4j-api-"));
        assertThat(archive.layerPaths(-3)).contains("app/snapshot-libs/wip-2.0-SNAPSHOT.jar");
        assertThat(archive.layerPaths(-2)).contains("app/resources/greeting.txt");
        assertThat(archive.layerPaths(-1)).contains("app/classes/fixture/Hello.class");
    }

    @Test
    void equalInputsGiveTheSameDigestAndAClassChangeOnlyTheLastLayer() throws Exception {
        String name = unique();
        BuiltImage first = builder.build(
                request(classes("classes-a", "Hello"), ImageOutput.tar(work.resolve("out/first.tar"), name))
                        .build());
        BuiltImage again = builder.build(
                request(classes("classes-a", "Hello"), ImageOutput.tar(work.resolve("out/again.tar"), name))
                        .build());
        BuiltImage changed = builder.build(
                request(classes("classes-b", "Hi"), ImageOutput.tar(work.resolve("out/changed.tar"), name))
                        .build());

        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.imageId()).isEqualTo(first.imageId());
        assertThat(changed.digest()).isNotEqualTo(first.digest());

        List<String> before = ImageArchive.read(first.tarFile()).config.diffIds();
        List<String> after = ImageArchive.read(changed.tarFile()).config.diffIds();
        assertThat(after).hasSameSizeAs(before);
        int last = before.size() - 1;
        assertThat(after.subList(0, last)).isEqualTo(before.subList(0, last));
        assertThat(after.get(last)).isNotEqualTo(before.get(last));
    }

    @Test
    void loadsIntoTheLocalDockerEngine() throws Exception {
        String name = unique();
        loaded.add(name);

        BuiltImage built = builder.build(
                request(classes("classes-a", "Hello"), ImageOutput.docker(name)).build());

        assertThat(built.tarFile()).isNull();
        String labels = docker(
                "image", "inspect", "-f", "{{index .Config.Labels \"dev.fn4j.handlers\"}} {{.Config.User}}", name);
        assertThat(labels.strip()).isEqualTo("fixture.Hello " + ImageLayout.USER);
        assertThat(docker("image", "inspect", "-f", "{{.Id}}", name).strip()).isEqualTo(built.imageId());
    }

    @Test
    void buildsFromAnImageArchiveBase() throws Exception {
        Path baseTar = work.resolve("base.tar");
        docker("save", "-o", baseTar.toString(), BASE);
        Path tar = work.resolve("out/from-tar.tar");

        BuiltImage built = builder.build(request(classes("classes-a", "Hello"), ImageOutput.tar(tar, unique()))
                .baseImage(BaseImage.parse("tar://" + baseTar))
                .build());

        assertThat(ImageArchive.read(built.tarFile()).config.entrypoint()).isEqualTo(ImageLayout.entrypoint());
    }

    @Test
    void aMissingDockerBaseImageSaysWhichAndWhere() throws Exception {
        ImageBuildRequest request = request(
                        classes("classes-a", "Hello"), ImageOutput.tar(work.resolve("out/never.tar"), unique()))
                .baseImage(BaseImage.parse("docker://fn4j-test/no-such-image:404"))
                .build();

        assertThatThrownBy(() -> builder.build(request))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImageBuildException.Reason.BASE_IMAGE_NOT_FOUND);
                    assertThat(e.subject()).isEqualTo("docker://fn4j-test/no-such-image:404");
                })
                .hasMessageContaining("docker://fn4j-test/no-such-image:404")
                .hasMessageContaining("local Docker engine");
    }

    @Test
    void aMissingTarBaseImageSaysWhichFile() throws Exception {
        Path missing = work.resolve("no-such-base.tar");
        ImageBuildRequest request = request(
                        classes("classes-a", "Hello"), ImageOutput.tar(work.resolve("out/never.tar"), unique()))
                .baseImage(BaseImage.parse("tar://" + missing))
                .build();

        assertThatThrownBy(() -> builder.build(request))
                .isInstanceOfSatisfying(
                        ImageBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageBuildException.Reason.BASE_IMAGE_NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    private static String docker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return output;
    }
}
