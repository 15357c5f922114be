package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How registry failures read, against a fake HTTPS registry on loopback. */
class RegistryFailuresIT {

    @TempDir
    static Path work;

    private static Path keyStore;
    private static String savedTrustStore;

    @BeforeAll
    static void trustTheFakeRegistry() throws Exception {
        keyStore = FakeRegistry.makeKeys(work);
        savedTrustStore = System.getProperty("javax.net.ssl.trustStore");
        System.setProperty("javax.net.ssl.trustStore", work.resolve("trust.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(FakeRegistry.PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    @AfterAll
    static void restoreTrust() {
        if (savedTrustStore == null) {
            System.clearProperty("javax.net.ssl.trustStore");
        } else {
            System.setProperty("javax.net.ssl.trustStore", savedTrustStore);
        }
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    private ImageBuildException failure(String base) throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path host = Files.writeString(work.resolve("host.jar"), "stand-in");
        ImageBuildRequest request = ImageBuildRequest.builder()
                .baseImage(BaseImage.parse(base))
                .hostJar(host)
                .classesDir(classes)
                .cacheDir(work.resolve("cache"))
                .output(ImageOutput.tar(work.resolve("never.tar"), "fn4j-test/never:1"))
                .build();
        Throwable thrown = catchThrowable(() -> new FunctionImageBuilder().build(request));
        assertThat(thrown).isInstanceOf(ImageBuildException.class);
        return (ImageBuildException) thrown;
    }

    @Test
    void anUnknownManifestIsABaseImageNotFound() throws Exception {
        String error = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}";
        try (FakeRegistry registry = FakeRegistry.start(keyStore, 404, error, null)) {
            String base = registry.address() + "/team/no-such-jre:17";

            ImageBuildException e = failure(base);

            assertThat(e.reason()).isEqualTo(ImageBuildException.Reason.BASE_IMAGE_NOT_FOUND);
            assertThat(e.subject()).isEqualTo(base);
            assertThat(e)
                    .hasMessageStartingWith("base image " + base + " not found in its registry: ")
                    .hasMessageEndingWith("; check the name and tag");
        }
    }

    @Test
    void aRefusedPullIsUnauthorized() throws Exception {
        String error = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";
        try (FakeRegistry registry = FakeRegistry.start(keyStore, 401, error, "Basic realm=\"fake\"")) {
            String base = registry.address() + "/team/private-jre:17";

            ImageBuildException e = failure(base);

            assertThat(e.reason()).isEqualTo(ImageBuildException.Reason.UNAUTHORIZED);
            assertThat(e.subject()).isEqualTo(registry.address() + "/team/private-jre");
            assertThat(e)
                    .hasMessageStartingWith("registry " + registry.address() + " refused access to "
                            + registry.address() + "/team/private-jre while building fn4j-test/never:1 from " + base)
                    .hasMessageEndingWith("log in with docker login " + registry.address()
                            + " (fn4j reads the Docker config and its credential helpers)");
        }
    }
}
