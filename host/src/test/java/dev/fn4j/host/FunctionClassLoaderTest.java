package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.api.Handler;
import dev.fn4j.host.testfns.Greeter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FunctionClassLoaderTest {

    private static Path testClasses() throws Exception {
        return Path.of(FunctionClassLoaderTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The host's classes and the test classes on one class path, as in an image. */
    private static FunctionClassLoader loader() throws Exception {
        Path host = FunctionClassLoader.hostLocation();
        return FunctionClassLoader.fromClassPath(
                host + ":" + testClasses(), host, FunctionClassLoader.class.getClassLoader());
    }

    @Test
    void theFunctionsClassesComeFromItsOwnLoaderAndTheApiIsTheHosts() throws Exception {
        try (FunctionClassLoader loader = loader()) {
            Class<?> greeter = loader.loadClass(Greeter.class.getName());

            assertThat(greeter.getClassLoader()).isSameAs(loader);
            assertThat(greeter).isNotSameAs(Greeter.class);
            assertThat(loader.loadClass(Handler.class.getName())).isSameAs(Handler.class);
            assertThat(Handler.class.isAssignableFrom(greeter)).isTrue();
        }
    }

    @Test
    void theHostsClassesAndLibrariesAreHidden() throws Exception {
        try (FunctionClassLoader loader = loader()) {
            for (String hidden : new String[] {
                "dev.fn4j.host.Main",
                "dev.fn4j.protocol.Frame",
                "com.fasterxml.jackson.databind.ObjectMapper",
                "org.junit.jupiter.api.Test"
            }) {
                assertThatThrownBy(() -> loader.loadClass(hidden))
                        .as(hidden)
                        .isInstanceOf(ClassNotFoundException.class);
            }
            assertThat(loader.getResource("dev/fn4j/host/Main.class")).isNull();
        }
    }

    @Test
    void theWholeJdkIsVisible() throws Exception {
        try (FunctionClassLoader loader = loader()) {
            assertThat(loader.loadClass("java.sql.Connection").getClassLoader())
                    .isSameAs(ClassLoader.getPlatformClassLoader());
            assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
        }
    }

    @Test
    void aWildcardEntryStandsForItsDirectorysJarsAsTheLauncherExpandsIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("libs"));
        java.nio.file.Files.writeString(dir.resolve("libs/b.jar"), "");
        java.nio.file.Files.writeString(dir.resolve("libs/a.jar"), "");
        java.nio.file.Files.writeString(dir.resolve("libs/notes.txt"), "");

        assertThat(FunctionClassLoader.expandWildcards("/app/host.jar:" + dir.resolve("classes") + ":"
                        + dir.resolve("libs") + "/*:" + dir.resolve("none") + "/*"))
                .containsExactly(
                        "/app/host.jar",
                        dir.resolve("classes").toString(),
                        dir.resolve("libs/a.jar").toString(),
                        dir.resolve("libs/b.jar").toString());
    }

    @Test
    void theRuntimesClassPathReplacesTheJvmsWhenSet() {
        assertThat(Main.functionClassPath("/app/host.jar:/app/classes", "/app/host.jar"))
                .isEqualTo("/app/host.jar:/app/classes");
        assertThat(Main.functionClassPath(null, "/app/host.jar:/app/classes")).isEqualTo("/app/host.jar:/app/classes");
        assertThat(Main.functionClassPath(" ", "/app/host.jar")).isEqualTo("/app/host.jar");
    }
}
