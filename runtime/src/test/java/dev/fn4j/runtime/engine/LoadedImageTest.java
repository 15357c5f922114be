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
}
