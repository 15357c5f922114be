package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.BaseImage.Source;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseImageTest {

    private static final String FORMS = "expected a registry reference such as eclipse-temurin:17-jre,"
            + " docker://NAME for an image in the local Docker engine, or tar://PATH for an image archive";

    @Test
    void aPlainReferenceIsARegistryImage() {
        BaseImage base = BaseImage.parse(BaseImage.DEFAULT);

        assertThat(base.source()).isEqualTo(Source.REGISTRY);
        assertThat(base.reference()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(base.isLocal()).isFalse();
        assertThat(base).hasToString("eclipse-temurin:17-jre");
    }

    @Test
    void registryReferencesMayNameAHostPortAndDigest() {
        String digest = "sha256:" + "a".repeat(64);
        BaseImage base = BaseImage.parse("localhost:5000/team/jre@" + digest);

        assertThat(base.source()).isEqualTo(Source.REGISTRY);
        assertThat(base.reference()).isEqualTo("localhost:5000/team/jre@" + digest);
    }

    @Test
    void theExplicitRegistryPrefixIsAccepted() {
        BaseImage base = BaseImage.parse("registry://eclipse-temurin:17-jre");

        assertThat(base.source()).isEqualTo(Source.REGISTRY);
        assertThat(base.reference()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void dockerPrefixMeansTheLocalEngine() {
        BaseImage base = BaseImage.parse(" docker://fn4j/jre-base:17 ");

        assertThat(base.source()).isEqualTo(Source.DOCKER);
        assertThat(base.reference()).isEqualTo("fn4j/jre-base:17");
        assertThat(base.isLocal()).isTrue();
        assertThat(base).hasToString("docker://fn4j/jre-base:17");
        assertThatThrownBy(base::tarFile).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tarPrefixMeansAnArchive() {
        BaseImage base = BaseImage.parse("tar://images/base.tar");

        assertThat(base.source()).isEqualTo(Source.TAR);
        assertThat(base.tarFile()).isEqualTo(Path.of("images/base.tar"));
        assertThat(base.isLocal()).isTrue();
        assertThatThrownBy(base::reference)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a tar:// base image has no reference: tar://images/base.tar");
    }

    @Test
    void equalStringsGiveEqualBaseImages() {
        assertThat(BaseImage.parse("docker://a:1"))
                .isEqualTo(BaseImage.parse("docker://a:1"))
                .hasSameHashCodeAs(BaseImage.parse("docker://a:1"))
                .isNotEqualTo(BaseImage.parse("a:1"));
    }

    @Test
    void blankIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> BaseImage.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base image is blank ('  '): " + FORMS);
        assertThatThrownBy(() -> BaseImage.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base image is missing ('null'): " + FORMS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Eclipse-Temurin:17",
                "docker://",
                "docker://bad name",
                "tar://",
                "tar:// ",
                "registry://",
                "a b",
                "image:tag:tag"
            })
    void invalidValuesAreNamedWithTheAcceptedForms(String value) {
        assertThatThrownBy(() -> BaseImage.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid base image '" + value + "': " + FORMS);
    }
}
