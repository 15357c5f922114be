package dev.fn4j.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceBuildsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A language that claims a tree holding {@code hello.txt} and records what it was given. */
    private final class FakeLanguage implements LanguageBuilder {
        final List<String> built = new ArrayList<>();
        RuntimeException failure;

        @Override
        public String language() {
            return "fake";
        }

        @Override
        public String lookedFor() {
            return "Fake: a hello.txt";
        }

        @Override
        public boolean recognises(Path root, String handler) {
            return Files.exists(root.resolve("hello.txt"));
        }

        @Override
        public String build(Path root, String handler, String imageName, BuildSteps steps) {
            built.add(handler + " " + imageName);
            steps.output("compiling");
            steps.ended("compile", 7);
            if (failure != null) {
                throw failure;
            }
            return "sha256:abc";
        }
    }

    private final FakeLanguage language = new FakeLanguage();
    private final List<JsonNode> deployed = new ArrayList<>();

    private SourceBuilds builds() throws IOException {
        return new SourceBuilds(
                tmp.resolve("builds"), SafeUnzipTest.LIMITS, List.of(language), this::deploy, Runnable::run, CLOCK);
    }

    private FunctionRegistry.Deployed deploy(String name, JsonNode spec) {
        deployed.add(spec);
        FunctionSpec functionSpec = new FunctionSpec(spec.get("image").asText(), "", Map.of(), Settings.DEFAULTS);
        return new FunctionRegistry.Deployed(
                new Function(name, 3, functionSpec, CLOCK.instant(), CLOCK.instant()), false);
    }

    private Build run(SourceBuilds builds, byte[] archive, Map<String, List<String>> parameters) throws IOException {
        Build build = builds.receive("hello", file -> Files.write(file, archive));
        builds.run(build, UploadSettings.fromParameters(parameters));
        return build;
    }

    @Test
    void deploysTheBuiltImageWithTheManifestAndTheParametersAndRemovesTheBuildDirectory() throws IOException {
        byte[] archive = Zips.create()
                .file("hello.txt", "hi")
                .file("fn4j.json", "{\"handler\": \"from.Manifest\", \"timeout\": \"5s\", \"env\": {\"A\": \"1\"}}")
                .bytes();
        SourceBuilds builds = builds();

        Build build = run(builds, archive, Map.of("memory", List.of("256m"), "env.B", List.of("2")));

        assertThat(build.state()).isEqualTo(Build.State.SUCCEEDED);
        assertThat(deployed).hasSize(1);
        JsonNode spec = deployed.get(0);
        assertThat(spec.get("image").asText()).isEqualTo("sha256:abc");
        assertThat(spec.get("handler").asText()).isEqualTo("from.Manifest");
        assertThat(spec.get("timeout").asText()).isEqualTo("5s");
        assertThat(spec.get("memory").asText()).isEqualTo("256m");
        assertThat(spec.get("env").toString()).isEqualTo("{\"A\":\"1\",\"B\":\"2\"}");
        assertThat(language.built).containsExactly("from.Manifest fn4j-source/hello:" + build.id());
        assertThat(build.view().get("steps").toString())
                .contains("step=receive", "step=unpack", "step=detect", "step=compile", "step=deploy");
        assertThat(build.view()).containsEntry("revision", 3L).containsEntry("language", "fake");
        assertThat(children(tmp.resolve("builds"))).isEmpty();
    }

    @Test
    void aHostileArchiveFailsTheBuildWithBadArchiveItsRuleAndEntryAndLeavesNoDirectory() throws IOException {
        Build build = run(builds(), Zips.create().file("../evil", "x").bytes(), Map.of());

        assertThat(build.state()).isEqualTo(Build.State.FAILED);
        assertThat(build.error().code()).isEqualTo(ErrorCode.BAD_ARCHIVE);
        assertThat(build.error().details())
                .containsEntry("rule", "path_traversal")
                .containsEntry("entry", "../evil");
        assertThat(deployed).isEmpty();
        assertThat(children(tmp.resolve("builds"))).isEmpty();
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void aBuilderRefusingTheSourceFailsWithBadSourceAndLeavesNoDirectory() throws IOException {
        language.failure = new SourceRejectedException("compile_error", "main.go", "main.go:3: undefined: x");

        Build build = run(builds(), Zips.create().file("hello.txt", "hi").bytes(), Map.of());

        assertThat(build.error().code()).isEqualTo(ErrorCode.BAD_SOURCE);
        assertThat(build.error().details())
                .containsEntry("rule", "compile_error")
                .containsEntry("entry", "main.go");
        assertThat(children(tmp.resolve("builds"))).isEmpty();
    }

    @Test
    void anArchiveNoLanguageRecognisesIsRefusedListingWhatWasLookedFor() throws IOException {
        Build build = run(builds(), Zips.create().file("README.md", "nothing").bytes(), Map.of());

        assertThat(build.error().code()).isEqualTo(ErrorCode.BAD_SOURCE);
        assertThat(build.error().details()).containsEntry("rule", "no_language");
        assertThat(build.error().getMessage()).contains("Fake: a hello.txt");
        assertThat(children(tmp.resolve("builds"))).isEmpty();
    }

    @Test
    void aFollowerGetsThePastEventsThenTheRestInOrderEndingWithTheOutcome() throws IOException {
        SourceBuilds builds = builds();
        Build build = builds.receive(
                "hello",
                file -> Files.write(file, Zips.create().file("hello.txt", "hi").bytes()));
        List<String> seen = new ArrayList<>();
        assertThat(build.follow(
                        event -> seen.add(event.name() + " " + event.data().getOrDefault("step", ""))))
                .isFalse();

        builds.run(build, UploadSettings.fromParameters(Map.of()));

        assertThat(seen)
                .containsExactly(
                        "step receive",
                        "step unpack",
                        "step detect",
                        "output ",
                        "step compile",
                        "step deploy",
                        "succeeded ");
        List<String> late = new ArrayList<>();
        assertThat(build.follow(event -> late.add(event.name()))).isTrue();
        assertThat(late).hasSize(seen.size());
    }

    @Test
    void anUploadThatFailsToArriveLeavesNoDirectory() throws IOException {
        SourceBuilds builds = builds();

        assertThatThrownBy(() -> builds.receive("hello", file -> {
                    Files.write(file, new byte[10]);
                    throw new IOException("client hung up");
                }))
                .hasMessage("client hung up");
        assertThat(children(tmp.resolve("builds"))).isEmpty();
    }

    @Test
    void aParameterInTheWrongFormIsRefusedByItsField() {
        assertThatThrownBy(() -> UploadSettings.fromParameters(Map.of("concurrency", List.of("lots"))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SPEC))
                .hasMessageContaining("concurrency")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> UploadSettings.fromParameters(Map.of("image", List.of("x"))))
                .hasMessageContaining("\"image\" cannot be set on an upload");
        assertThat(UploadSettings.fromParameters(
                                new java.util.TreeMap<>(Map.of("concurrency", List.of("4"), "public", List.of("true"))))
                        .toString())
                .isEqualTo("{\"concurrency\":4,\"public\":true}");
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        }
    }
}
