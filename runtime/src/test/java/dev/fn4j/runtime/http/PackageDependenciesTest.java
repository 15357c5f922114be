package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules that package-info.java states, checked on the sources' imports. */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/fn4j/runtime");
    /**
     * Imports of the invocation endpoints (and the server's wiring of them) that the call and
     * store rework removes; none may be added elsewhere.
     */
    private static final Map<String, Set<String>> NOT_YET_MOVED = Map.of(
            "ApiServer.java", Set.of("pool", "store"),
            "InvocationsApi.java", Set.of("pool", "store"),
            "InvocationHistoryApi.java", Set.of("store"),
            "InvocationView.java", Set.of("store"));

    @Test
    void httpUsesServicesNotTheEnginePoolsInstancesOrStore() throws IOException {
        assertThat(violations("http", Set.of("engine", "pool", "instance", "store"))).isEmpty();
    }

    @Test
    void authImportsNeitherHttpNorStore() throws IOException {
        assertThat(violations("auth", Set.of("http", "store"))).isEmpty();
    }

    private static List<String> violations(String pkg, Set<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                for (String line : Files.readAllLines(file)) {
                    for (String other : forbidden) {
                        if (line.startsWith("import dev.fn4j.runtime." + other + ".")
                                && !NOT_YET_MOVED.getOrDefault(name, Set.of()).contains(other)) {
                            found.add(name + ": " + line);
                        }
                    }
                }
            }
        }
        return found;
    }
}
