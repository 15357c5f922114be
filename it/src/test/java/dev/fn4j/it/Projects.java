package dev.fn4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Edits to generated projects (package com.example), as a developer would make them. */
final class Projects {

    private Projects() {}

    /** {@code src/main/java/com/example/<simpleName>.java}. */
    static Path mainClass(Path project, String simpleName) {
        return project.resolve("src/main/java/com/example/" + simpleName + ".java");
    }

    /** {@code src/test/java/com/example/<simpleName>.java}. */
    static Path testClass(Path project, String simpleName) {
        return project.resolve("src/test/java/com/example/" + simpleName + ".java");
    }

    /** Replaces every {@code from} in the file, which must contain it. */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Writes the file, creating its folder. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Adds {@code configuration} to the fn-maven-plugin of the generated pom (which has none). */
    static void configurePlugin(Path project, String configuration) throws IOException {
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        String declaration = "<artifactId>fn-maven-plugin</artifactId>\n        <version>${fn4j.version}</version>\n";
        assertThat(text).as(pom.toString()).containsOnlyOnce(declaration);
        Files.writeString(
                pom, text.replace(declaration, declaration + configuration.indent(8)), StandardCharsets.UTF_8);
    }

    /** Deletes the folder and everything in it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
