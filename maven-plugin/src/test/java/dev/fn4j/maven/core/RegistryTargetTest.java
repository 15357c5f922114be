package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.BuiltImage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTargetTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void unsetMeansUploadToTheRuntime() throws Exception {
        assertThat(RegistryTarget.parse(null)).isNull();
        assertThat(RegistryTarget.parse("  ")).isNull();
    }

    @Test
    void imageNameGoesUnderTheRegistryWithoutItsOwnRegistry() throws Exception {
        RegistryTarget target = RegistryTarget.parse("127.0.0.1:5000/fn/");
        assertThat(target.imageName("fn4j/demo:1.0")).isEqualTo("127.0.0.1:5000/fn/fn4j/demo:1.0");
        assertThat(target.imageName("other.example.com/team/demo:2")).isEqualTo("127.0.0.1:5000/fn/team/demo:2");
        assertThat(target.imageName("demo:3")).isEqualTo("127.0.0.1:5000/fn/demo:3");
    }

    @Test
    void plainHttpOnlyOnLoopback() throws Exception {
        assertThat(RegistryTarget.parse("127.0.0.1:5000").allowInsecure()).isTrue();
        assertThat(RegistryTarget.parse("localhost:5000/fn").allowInsecure()).isTrue();
        assertThat(RegistryTarget.parse("[::1]:5000/fn").allowInsecure()).isTrue();
        assertThat(RegistryTarget.parse("registry.example.com/team").allowInsecure())
                .isFalse();
        assertThat(RegistryTarget.parse("10.0.0.5:5000").allowInsecure()).isFalse();
        assertThat(RegistryTarget.isLoopback("localhost.example.com/x:1")).isFalse();
    }

    @Test
    void pinnedReferenceIsTheRepositoryByDigest() {
        BuiltImage image = new BuiltImage("127.0.0.1:5000/fn/demo:1.0", DIGEST, "sha256:id", null);
        assertThat(RegistryTarget.pinned(image)).isEqualTo("127.0.0.1:5000/fn/demo@" + DIGEST);
    }

    @Test
    void applyTurnsTheOutputIntoTheRegistry() throws Exception {
        BuildInputs in = new BuildInputs(
                Path.of("p"),
                Path.of("c"),
                Map.of(),
                Path.of("h"),
                "b",
                null,
                null,
                "fn4j/demo:1.0",
                Path.of("t"),
                Map.of());
        BuildInputs out = RegistryTarget.parse("127.0.0.1:5000/fn").apply(in);
        assertThat(out.output()).isEqualTo("registry");
        assertThat(out.image()).isEqualTo("127.0.0.1:5000/fn/fn4j/demo:1.0");
    }

    @Test
    void badValueNamesTheParameterAndTheFix() {
        assertThatThrownBy(() -> RegistryTarget.parse("http://registry:5000"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<registry> (-Dfn.registry) is 'http://registry:5000', not a registry: use host:port"
                        + " with an optional lower-case namespace, e.g. registry.example.com/team or"
                        + " 127.0.0.1:5000/fn.");
    }
}
