package dev.fn4j.runtime.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sorts an unpacked Java upload into class files and dependency jars: a plain or fat jar (classes
 * at its root), a zip of classes with its jars under {@code lib/}, or a zip of one application jar
 * beside its dependency jars, as {@code mvn package} and Gradle's {@code jar} leave them.
 */
final class JavaLayout {

    private JavaLayout() {}

    /**
     * Whether the tree holds a Java function at all: class files, or a jar at its top level.
     */
    static boolean looksJava(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(f -> isClass(f) || (isJar(f) && root.equals(f.getParent())));
        }
    }

    /**
     * Moves every jar out of {@code root} into {@code libs} (so the classes layer holds classes and
     * resources only) and, when {@code root} then holds no class file, unpacks the one top-level
     * jar into it as the application's classes; returns the dependency jars.
     *
     * @throws SourceRejectedException {@code no_classes} when there are no classes and not exactly
     *     one top-level jar to take them from
     */
    static List<Path> arrange(Path root, Path libs, SafeUnzip unzip) throws IOException {
        List<Path> topLevel = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        Files.createDirectories(libs);
        List<Path> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(JavaLayout::isJar).sorted().toList();
        }
        for (Path jar : found) {
            // Numbered: lib/a/x.jar and lib/b/x.jar both stay on the class path.
            Path moved = libs.resolve(jars.size() + "-" + jar.getFileName());
            Files.move(jar, moved);
            (root.equals(jar.getParent()) ? topLevel : jars).add(moved);
        }
        if (hasClasses(root)) {
            jars.addAll(topLevel);
            return jars;
        }
        if (topLevel.size() != 1) {
            throw new SourceRejectedException(
                    "no_classes",
                    null,
                    topLevel.isEmpty()
                            ? "the archive holds no class files and no jar at its top level"
                            : "the archive holds no class files and " + topLevel.size()
                                    + " jars at its top level; put the application's jar at the top and its"
                                    + " dependencies under lib/");
        }
        // The application's own jar: unpacked under the same limits, its own jars not unpacked again.
        Path app = topLevel.get(0);
        unzip.unpack(app, root);
        Files.delete(app);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path nested : files.filter(JavaLayout::isJar).toList()) {
                Path moved = libs.resolve("app-" + jars.size() + "-" + nested.getFileName());
                Files.move(nested, moved);
                jars.add(moved);
            }
        }
        return jars;
    }

    private static boolean hasClasses(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(JavaLayout::isClass);
        }
    }

    private static boolean isClass(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && Files.isRegularFile(file);
    }

    private static boolean isJar(Path file) {
        return file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file);
    }
}
