package dev.fn4j.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesWatcherTest {

    @TempDir
    Path classes;

    /** Polls until {@code expected} were all reported; the file system reports them soon. */
    private static Set<Path> pollFor(ClassesWatcher watcher, Set<Path> expected) throws Exception {
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 100 && !seen.containsAll(expected); i++) {
            watcher.poll(100, seen::add);
        }
        return seen;
    }

    @Test
    void reportsChangedFilesRelativeToTheRoot() throws Exception {
        Files.createDirectories(classes.resolve("com/example"));
        try (ClassesWatcher watcher = new ClassesWatcher(classes)) {
            Files.writeString(classes.resolve("com/example/Hello.class"), "x");
            Files.writeString(classes.resolve("app.properties"), "a=1");

            assertThat(pollFor(watcher, Set.of(Path.of("com/example/Hello.class"), Path.of("app.properties"))))
                    .contains(Path.of("com/example/Hello.class"), Path.of("app.properties"));
        }
    }

    @Test
    void watchesDirectoriesMadeLaterAndTheFilesAlreadyInThem() throws Exception {
        try (ClassesWatcher watcher = new ClassesWatcher(classes)) {
            Files.createDirectories(classes.resolve("org/acme"));
            Files.writeString(classes.resolve("org/acme/Greeter.class"), "x");
            Path greeter = Path.of("org/acme/Greeter.class");
            assertThat(pollFor(watcher, Set.of(greeter))).contains(greeter);

            Files.writeString(classes.resolve("org/acme/Greeter.class"), "y");
            assertThat(pollFor(watcher, Set.of(greeter))).contains(greeter);
        }
    }

    @Test
    void aTreeMadeAfterTheWatchStartedIsReportedWhole() throws Exception {
        Path root = classes.resolve("target-classes");
        try (ClassesWatcher watcher = new ClassesWatcher(root)) {
            Files.createDirectories(root.resolve("p"));
            Files.writeString(root.resolve("p/A.class"), "x");
            assertThat(pollFor(watcher, Set.of(Path.of("p/A.class")))).contains(Path.of("p/A.class"));
        }
    }
}
