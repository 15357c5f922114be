package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadedImageTest {

    @Test
    void anImageWithoutALanguageLabelRunsOnTheJvm() {
        assertThat(image(Map.of(ImageLayout.LABEL_HANDLERS, "com.example.Hello"))
                        .runsOnJvm())
                .isTrue();
        assertThat(image(Map.of(ImageLayout.LABEL_LANGUAGE, "java")).runsOnJvm())
                .isTrue();
    }

    @Test
    void pythonAndGoImagesDoNotRunOnTheJvm() {
        assertThat(image(Map.of(ImageLayout.LABEL_LANGUAGE, "python")).runsOnJvm())
                .isFalse();
        assertThat(image(Map.of(ImageLayout.LABEL_LANGUAGE, "go")).runsOnJvm()).isFalse();
    }

    @Test
    void handlersAreReadFromTheirCommaSeparatedLabel() {
        assertThat(image(Map.of(ImageLayout.LABEL_HANDLERS, "a.B, c.D,")).handlers())
                .containsExactly("a.B", "c.D");
    }

    private static LoadedImage image(Map<String, String> labels) {
        return new LoadedImage("sha256:" + "0".repeat(64), List.of(), labels);
    }

    @Test
    void theJavaFeatureIsReadFromJavaVersionAsJdkImagesSpellIt() {
        assertThat(withJava("jdk-25.0.3+9").javaFeature()).isEqualTo(25);
        assertThat(withJava("jdk-17.0.15+6").javaFeature()).isEqualTo(17);
        assertThat(withJava("21.0.2").javaFeature()).isEqualTo(21);
        assertThat(withJava("26-ea").javaFeature()).isEqualTo(26);
        assertThat(withJava("jdk8u412-b08").javaFeature()).isEqualTo(8);
        assertThat(withJava("1.8.0_412").javaFeature()).isEqualTo(8);
    }

    @Test
    void anImageThatDoesNotSayItsJavaHasFeatureZero() {
        assertThat(image(Map.of()).javaFeature()).isZero();
        assertThat(withJava("latest").javaFeature()).isZero();
        assertThat(withJava("99999999999999").javaFeature()).isZero();
    }

    @Test
    void javaVersionIsTheLastJavaVersionOfTheImageEnvironment() {
        assertThat(LoadedImage.javaVersionIn(
                        List.of("PATH=/bin", "JAVA_VERSION=jdk-17.0.1+1", "JAVA_VERSION=jdk-25.0.3+9")))
                .isEqualTo("jdk-25.0.3+9");
        assertThat(LoadedImage.javaVersionIn(List.of("JAVA_HOME=/opt/java", "JAVA_VERSION=")))
                .isNull();
        assertThat(LoadedImage.javaVersionIn(List.of())).isNull();
    }

    private static LoadedImage withJava(String version) {
        return new LoadedImage("sha256:" + "0".repeat(64), List.of(), Map.of(), version);
    }
}
