package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageOutputTest {

    @Test
    void eachFactoryMakesItsKind() {
        assertThat(ImageOutput.tar(Path.of("out.tar"), "fn4j/hello:1"))
                .isEqualTo(new ImageOutput.Tar(Path.of("out.tar"), "fn4j/hello:1"));
        assertThat(ImageOutput.docker(" fn4j/hello ").imageName()).isEqualTo("fn4j/hello");
        assertThat(ImageOutput.registry("localhost:5000/hello:1")).isInstanceOf(ImageOutput.Registry.class);
    }

    @Test
    void invalidNamesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> ImageOutput.docker("Hello World"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid image name 'Hello World'");
        assertThatThrownBy(() -> ImageOutput.registry(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("image name is blank ('')");
        assertThatThrownBy(() -> ImageOutput.tar(null, "fn4j/hello"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tar output file");
    }
}
