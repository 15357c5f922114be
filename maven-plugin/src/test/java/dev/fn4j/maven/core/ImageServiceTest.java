package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.ImageOutput;
import dev.fn4j.spec.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageServiceTest {

    @TempDir
    Path project;

    private Path classes;
    private Path hostJar;
    private final ImageService service = new ImageService(GoalLog.silent());

    @BeforeEach
    void compile() throws Exception {
        classes = FixtureCompiler.compile(
                project.resolve("target"),
                Map.of(
                        "com.example.Hello", FixtureCompiler.handler("com.example", "Hello"),
                        "com.example.Bye", FixtureCompiler.handler("com.example", "Bye"),
                        "com.example.Util", "package com.example; public class Util {}"));
        hostJar = Files.writeString(project.resolve("fn4j-host.jar"), "host");
    }

    private BuildInputs inputs(String baseImage, String output, String image, Map<String, Path> deps) {
        return new BuildInputs(
                project,
                classes,
                deps,
                hostJar,
                baseImage,
                output,
                image,
                "fn4j/demo:1.0",
                project.resolve("target/fn/image.tar"),
                Map.of("a", "b"));
    }

    private BuildInputs inputs() {
        return inputs("docker://fn4j/jre-base:17", null, null, Map.of());
    }

    private static FunctionTarget target(String name, String handler) {
        return new FunctionTarget(
                name, handler, Setting.parameter("handler", "fn.handler"), Map.of(), Settings.DEFAULTS);
    }

    @Test
    void preparesABuildOfTheChosenHandlerWithAllHandlersLabelled() throws Exception {
        PreparedBuild prepared = service.prepare(inputs(), List.of(target("demo", "com.example.Hello")));

        assertThat(prepared.functions())
                .singleElement()
                .satisfies(f -> assertThat(f.handler().className()).isEqualTo("com.example.Hello"));
        assertThat(prepared.allHandlers()).containsExactly("com.example.Bye", "com.example.Hello");
        assertThat(prepared.request().handlers()).containsExactly("com.example.Bye", "com.example.Hello");
        assertThat(prepared.request().baseImage()).isEqualTo(BaseImage.parse("docker://fn4j/jre-base:17"));
        assertThat(prepared.request().output())
                .isEqualTo(ImageOutput.tar(project.resolve("target/fn/image.tar"), "fn4j/demo:1.0"));
        assertThat(prepared.request().classesDir()).isEqualTo(classes);
        assertThat(prepared.request().hostJar()).isEqualTo(hostJar);
        assertThat(prepared.request().labels()).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void severalHandlersNoneNamedFailsBeforeAnyImage() {
        assertThatThrownBy(() -> service.prepare(inputs(), List.of(target("demo", null))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Found 2 handlers in target/classes and none is chosen: com.example.Bye,"
                        + " com.example.Hello. Set <handler> or -Dfn.handler to one of them.");
        assertThat(project.resolve("target/fn")).doesNotExist();
    }

    @Test
    void missingClassesMeanNoHandler() {
        BuildInputs in = new BuildInputs(
                project,
                project.resolve("nothing/classes"),
                Map.of(),
                hostJar,
                BaseImage.DEFAULT,
                null,
                null,
                "fn4j/demo:1.0",
                project.resolve("t.tar"),
                Map.of());
        assertThatThrownBy(() -> service.prepare(in, List.of(target("demo", null))))
                .hasMessageStartingWith("No handler found in nothing/classes. ");
    }

    @Test
    void aBadBaseImage() {
        assertThatThrownBy(() -> service.prepare(
                        inputs("docker://", null, null, Map.of()), List.of(target("demo", "com.example.Hello"))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<baseImage> (-Dfn.baseImage) is 'docker://', not a base image: use a registry"
                        + " reference such as eclipse-temurin:17-jre, docker://NAME for an image in the"
                        + " local Docker engine, or tar://PATH for an image archive.");
    }

    @Test
    void outputs() throws Exception {
        List<FunctionTarget> hello = List.of(target("demo", "com.example.Hello"));
        assertThat(service.prepare(inputs(BaseImage.DEFAULT, "docker", null, Map.of()), hello)
                        .request()
                        .output())
                .isEqualTo(ImageOutput.docker("fn4j/demo:1.0"));
        assertThat(service.prepare(inputs(BaseImage.DEFAULT, "registry", "r.example.com/t/demo:2", Map.of()), hello)
                        .request()
                        .output())
                .isEqualTo(ImageOutput.registry("r.example.com/t/demo:2"));
        assertThatThrownBy(() -> service.prepare(inputs(BaseImage.DEFAULT, "registry", null, Map.of()), hello))
                .hasMessage("<output> (-Dfn.output) is 'registry', which needs the reference to push to:"
                        + " set <image> or -Dfn.image, e.g. -Dfn.image=registry.example.com/team/hello:1.");
        assertThatThrownBy(() -> service.prepare(inputs(BaseImage.DEFAULT, "ftp", null, Map.of()), hello))
                .hasMessage("<output> (-Dfn.output) is 'ftp', not an image output: use tar (the default),"
                        + " docker or registry.");
        assertThatThrownBy(() -> service.prepare(inputs(BaseImage.DEFAULT, "tar", "Not Valid", Map.of()), hello))
                .hasMessage("<image> (-Dfn.image) is 'Not Valid', not a valid image name: use a lower-case"
                        + " repository with an optional :tag, e.g. fn4j/hello:1.");
    }

    @Test
    void aReactorDependencyThatIsADirectory() throws Exception {
        Map<String, Path> deps = new LinkedHashMap<>();
        deps.put("com.example:lib:1.0", Files.createDirectories(project.resolve("lib/target/classes")));
        assertThatThrownBy(() -> service.prepare(
                        inputs(BaseImage.DEFAULT, null, null, deps), List.of(target("demo", "com.example.Hello"))))
                .hasMessage("The runtime dependency com.example:lib:1.0 is the directory "
                        + project.resolve("lib/target/classes") + ", a reactor module compiled but not"
                        + " packaged: run mvn package fn:deploy so that it is a jar.");
    }

    @Test
    void aMissingTarBaseImageFailsTheBuildNamingTheSetting() throws Exception {
        PreparedBuild prepared = service.prepare(
                inputs("tar://" + project.resolve("none.tar"), null, null, Map.of()),
                List.of(target("demo", "com.example.Hello")));
        assertThatThrownBy(() -> service.build(prepared))
                .isInstanceOf(FnFailureException.class)
                .hasMessageStartingWith("<baseImage> (-Dfn.baseImage) is 'tar://" + project.resolve("none.tar")
                        + "', which cannot be read: ");
    }
}
