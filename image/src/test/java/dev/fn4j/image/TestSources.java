package dev.fn4j.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources and packs jars at test time, so fixtures stay next to their test. */
final class TestSources {

    private TestSources() {}

    /** The fn4j-api jar (or classes directory) the tests compile against. */
    static Path apiClasspath() {
        try {
            return Path.of(dev.fn4j.api.Handler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code sources} (class name → source text) into {@code output}.
     *
     * @param classpath extra class path entries besides fn4j-api
     */
    static Path compile(Path output, Map<String, String> sources, List<Path> classpath) throws IOException {
        Path src = Files.createTempDirectory(output.getParent(), "src");
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "--release", "17", "-classpath"));
        List<String> entries = new ArrayList<>();
        entries.add(apiClasspath().toString());
        classpath.forEach(entry -> entries.add(entry.toString()));
        arguments.add(String.join(java.io.File.pathSeparator, entries));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // Compile into a scratch directory first so a failed compile leaves no half-made output.
        Path scratch = Files.createTempDirectory(output.getParent(), "classes");
        arguments.set(1, scratch.toString());
        if (compiler.run(null, errors, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("fixture does not compile:\n" + errors);
        }
        Files.move(scratch, output);
        return output;
    }

    /** Packs a directory into a jar with fixed entry times. */
    static Path jar(Path jarFile, Path directory) throws IOException {
        try (OutputStream out = Files.newOutputStream(jarFile);
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry =
                        new JarEntry(directory.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                jar.putNextEntry(entry);
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return jarFile;
    }
}
