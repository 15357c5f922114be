package dev.fn4j.maven.core;

import dev.fn4j.api.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small handler sources against the real fn4j-api into a classes directory. */
final class FixtureCompiler {

    private FixtureCompiler() {}

    /** Compiles {@code sources} (class name to source) into {@code dir}/classes and returns it. */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiJar()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("fixture sources do not compile: " + sources.keySet());
        }
        return classes;
    }

    private static String apiJar() {
        try {
            return Path.of(Handler.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String handler(String pkg, String name) {
        return "package " + pkg + ";\n"
                + "public class " + name + " implements dev.fn4j.api.Handler<String, String> {\n"
                + "  public String handle(String in, dev.fn4j.api.Context c) { return in; }\n"
                + "}\n";
    }
}
