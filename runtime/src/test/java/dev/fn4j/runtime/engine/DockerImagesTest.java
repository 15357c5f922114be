package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerImagesTest {

    private static final String LAYER = "aa38890b2c9e1bf2a8b3c7a4b9de2c3f3d0e1b7c6a5d4e3f2a1b0c9d8e7f6a5b.tar.gz";
    private static final List<String> LAYERS = List.of("base.tar.gz", LAYER);

    @Test
    void recognisesTheLayerFileDockerCouldNotOpen() {
        String docker = "open /var/lib/docker/tmp/docker-import-3917352028/" + LAYER + ": no such file or directory";
        assertThat(DockerImages.missingLayerFile(docker, LAYERS)).isEqualTo(LAYER);
    }

    @Test
    void recognisesItUnderAnotherDataRootAndInADirectory() {
        String docker =
                "open /home/ci/.local/share/docker/tmp/docker-import-12/abc/layer.tar:" + " no such file or directory";
        assertThat(DockerImages.missingLayerFile(docker, List.of("abc/layer.tar")))
                .isEqualTo("abc/layer.tar");
    }

    @Test
    void aMissingFileTheManifestDoesNotNameAsALayerIsSomethingElse() {
        String docker = "open /var/lib/docker/tmp/docker-import-1/repositories: no such file or" + " directory";
        assertThat(DockerImages.missingLayerFile(docker, LAYERS)).isNull();
        assertThat(DockerImages.missingLayerFile(
                        "open /var/lib/docker/tmp/docker-import-1/" + LAYER + ": permission denied", LAYERS))
                .isNull();
        assertThat(DockerImages.missingLayerFile("invalid diffID for layer 0", LAYERS))
                .isNull();
    }
}
