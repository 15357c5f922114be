package dev.fn4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the runtime's packages to the architecture their {@code package-info.java} files state:
 * every package has one, its "Must not import" line is obeyed, and no two packages import each
 * other, directly or through others.
 */
class PackageDependenciesTest {

    private static final Path ROOT = Path.of("src/main/java/dev/fn4j/runtime");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?dev\\.fn4j\\.runtime\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern MUST_NOT = Pattern.compile("Must not import:([^.]*)\\.");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z]+)}");

    @Test
    void everyPackageSaysWhatItOwnsAndWhatItMustNotImport() {
        for (String pkg : graph().keySet()) {
            Path info = ROOT.resolve(pkg).resolve("package-info.java");
            assertThat(info).as("package-info.java of %s", pkg).exists();
            assertThat(prose(info)).as("package-info.java of %s", pkg).contains("Must not import:");
        }
    }

    @Test
    void noPackageImportsWhatItsPackageInfoForbids() {
        Map<String, Set<String>> graph = graph();
        List<String> violations = new ArrayList<>();
        graph.forEach((pkg, imports) -> {
            for (String forbidden : forbidden(pkg)) {
                if (imports.contains(forbidden)) {
                    violations.add(pkg + " imports " + forbidden);
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void packagesDependOneWay() {
        Map<String, Set<String>> graph = graph();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            for (String next : graph.get(start)) {
                if (reaches(graph, next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (reaches(graph, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> forbidden(String pkg) {
        Path info = ROOT.resolve(pkg).resolve("package-info.java");
        Set<String> names = new TreeSet<>();
        if (!Files.exists(info)) {
            return names;
        }
        Matcher line = MUST_NOT.matcher(prose(info));
        if (line.find()) {
            Matcher code = CODE.matcher(line.group(1));
            while (code.find()) {
                names.add(code.group(1));
            }
        }
        return names;
    }

    /** The file's text with comment line breaks joined, so a sentence reads as one line. */
    private static String prose(Path file) {
        return read(file).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    }

    /** Package name → the other runtime packages its main code imports. */
    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                Set<String> imports = new TreeSet<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = IMPORT.matcher(read(file));
                        while (m.find()) {
                            imports.add(m.group(1));
                        }
                    }
                }
                imports.remove(pkg);
                graph.put(pkg, imports);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
