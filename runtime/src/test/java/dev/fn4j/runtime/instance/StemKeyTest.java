package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StemKeyTest {

    private static final String HOST = "sha256:" + "ab".repeat(32);

    static FunctionSpec spec(long memoryBytes, Map<String, String> env) {
        return new FunctionSpec(
                "sha256:abc",
                "com.example.Echo",
                Duration.ofSeconds(10),
                memoryBytes,
                1,
                4,
                env,
                new FunctionSpec.Scaling(0, 2, Duration.ofMinutes(1), 10),
                null,
                false);
    }

    static LoadedImage image(String id, Map<String, String> labels) {
        return new LoadedImage(id, List.of(), labels, "jdk-17.0.13+11");
    }

    private static Map<String, String> fn4jBase(String recipe) {
        return Map.of(ImageLayout.LABEL_HOST_DIGEST, HOST, StemKey.LABEL_BASE_RECIPE, recipe);
    }

    @Test
    void twoImagesOnOneBaseRecipeJavaAndHostShareStemsOfOneSize() {
        StemKey a = StemKey.of(spec(256L << 20, Map.of()), image("sha256:1", fn4jBase("r1")));
        StemKey b = StemKey.of(spec(256L << 20, Map.of("GREETING", "hi")), image("sha256:2", fn4jBase("r1")));

        assertThat(a).isEqualTo(b);
        assertThat(a.label()).isEqualTo(b.label()).hasSize(16);
    }

    @Test
    void anotherBaseRecipeOrMemoryIsAnotherKey() {
        StemKey a = StemKey.of(spec(256L << 20, Map.of()), image("sha256:1", fn4jBase("r1")));

        assertThat(StemKey.of(spec(256L << 20, Map.of()), image("sha256:1", fn4jBase("r2"))))
                .isNotEqualTo(a);
        assertThat(StemKey.of(spec(128L << 20, Map.of()), image("sha256:1", fn4jBase("r1"))))
                .isNotEqualTo(a);
    }

    @Test
    void anImageOnABaseFn4jDidNotBuildIsItsOwnPlatform() {
        Map<String, String> labels = Map.of(ImageLayout.LABEL_HOST_DIGEST, HOST);

        StemKey key = StemKey.of(spec(256L << 20, Map.of()), image("sha256:1", labels));

        assertThat(key.platform()).isEqualTo("image sha256:1");
        assertThat(StemKey.of(spec(256L << 20, Map.of()), image("sha256:2", labels)))
                .isNotEqualTo(key);
    }

    @Test
    void noStemServesAnUnknownImageOneWithoutAHostJarOrAPythonOne() {
        assertThat(StemKey.of(spec(256L << 20, Map.of()), null)).isNull();
        assertThat(StemKey.of(spec(256L << 20, Map.of()), image("sha256:1", Map.of())))
                .isNull();
        assertThat(StemKey.of(
                        spec(256L << 20, Map.of()),
                        image(
                                "sha256:1",
                                Map.of(ImageLayout.LABEL_HOST_DIGEST, HOST, ImageLayout.LABEL_LANGUAGE, "python"))))
                .isNull();
    }

    @Test
    void noStemServesAFunctionSettingAVariableReadAtStart() {
        for (String name : List.of(
                "JAVA_TOOL_OPTIONS",
                "JDK_JAVA_OPTIONS",
                "_JAVA_OPTIONS",
                "LD_PRELOAD",
                "LC_ALL",
                "TZ",
                "LANG",
                "MALLOC_ARENA_MAX",
                "PATH",
                "tz")) {
            assertThat(StemKey.of(spec(256L << 20, Map.of(name, "x")), image("sha256:1", fn4jBase("r1"))))
                    .as(name)
                    .isNull();
        }
        assertThat(StemKey.of(
                        spec(256L << 20, Map.of("DATABASE_URL", "x", "JAVAX_MODE", "y")),
                        image("sha256:1", fn4jBase("r1"))))
                .isNotNull();
    }
}
