package dev.fn4j.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Finds the fn4j runtime jar of the kit's own version in the local Maven repository. */
final class RuntimeJar {

    private RuntimeJar() {}

    /**
     * {@code <local repository>/dev/fn4j/fn4j-runtime/<version>/fn4j-runtime-<version>.jar}.
     *
     * @throws IllegalStateException saying how to get it when it is not there
     */
    static Path inLocalRepository() {
        String version = kitVersion();
        String repository = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(repository, "dev", "fn4j", "fn4j-runtime", version, "fn4j-runtime-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fn4j runtime jar at " + jar + "; fetch it with `mvn dependency:get"
                    + " -Dartifact=dev.fn4j:fn4j-runtime:" + version + "` or set -Dfn4j.runtimeJar=PATH");
        }
        return jar;
    }

    static String kitVersion() {
        try (InputStream in = RuntimeJar.class.getResourceAsStream("fn4j-test.properties")) {
            if (in == null) {
                throw new IllegalStateException("fn4j-test.properties is missing from the kit's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
