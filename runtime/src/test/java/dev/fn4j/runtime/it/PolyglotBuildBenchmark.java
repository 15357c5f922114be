package dev.fn4j.runtime.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.LanguageBuilder;
import dev.fn4j.runtime.source.go.GoBuilder;
import dev.fn4j.runtime.source.polyglot.SourceTree;
import dev.fn4j.runtime.source.python.PythonBuilder;
import dev.fn4j.runtime.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Build times on the runtime for Python and Go, cold (an empty jib-core cache, so the base image
 * is exported from the engine) and with the base cached, side by side in one run. Not a test:
 * run with {@code -Dit.test=PolyglotBuildBenchmark}; the figures go to docs/benchmarks.md.
 */
class PolyglotBuildBenchmark {

    private static final int ROUNDS = 3;

    @Test
    void buildTimes() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Process images = new ProcessBuilder(
                        "bash", repo.resolve("scripts/polyglot-images.sh").toString())
                .inheritIO()
                .start();
        assumeTrue(images.waitFor(20, TimeUnit.MINUTES) && images.exitValue() == 0);
        Map<String, Function<Path, LanguageBuilder>> builders = new LinkedHashMap<>();
        builders.put(
                "python",
                cache -> new PythonBuilder(PythonBuilder.DEFAULT_BASE_IMAGE, cache, PolyglotFunctionsIT::load));
        builders.put(
                "go",
                cache -> new GoBuilder(
                        GoBuilder.DEFAULT_TOOLCHAIN_IMAGE,
                        GoBuilder.DEFAULT_BASE_IMAGE,
                        cache,
                        TestContainers.LABELS,
                        PolyglotFunctionsIT::load));
        StringBuilder report = new StringBuilder(
                "| language | cold (ms, median of " + ROUNDS
                        + ") | base cached (ms, median) | cold / cached | steps when cached |\n| --- | --- | --- | --- | --- |\n");
        for (var entry : builders.entrySet()) {
            Path source = repo.resolve("runtime/src/test/polyglot")
                    .resolve(entry.getKey())
                    .resolve("hello");
            List<Long> cold = new ArrayList<>();
            List<Long> cached = new ArrayList<>();
            Map<String, Long> steps = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                Path cache = Files.createTempDirectory("fn4j-bench-jib-");
                try {
                    LanguageBuilder builder = entry.getValue().apply(cache);
                    cold.add(time(builder, source, "cold", new LinkedHashMap<>()));
                    cached.add(time(builder, source, "cached", steps));
                } finally {
                    SourceTree.delete(cache);
                }
            }
            long c = median(cold);
            long w = median(cached);
            report.append("| ")
                    .append(entry.getKey())
                    .append(" | ")
                    .append(c)
                    .append(" | ")
                    .append(w)
                    .append(" | ")
                    .append(String.format("%.1f", (double) c / w))
                    .append(" | ")
                    .append(steps)
                    .append(" |\n");
        }
        System.out.println(report);
        Files.writeString(Path.of("target/polyglot-build-times.md"), report);
    }

    private static long time(LanguageBuilder builder, Path source, String tag, Map<String, Long> steps)
            throws Exception {
        String image = "fn4j-bench/" + builder.language() + "-" + tag + ":1";
        long start = System.nanoTime();
        builder.build(source, null, image, new BuildSteps() {
            @Override
            public void ended(String step, long millis) {
                steps.put(step, millis);
            }

            @Override
            public void output(String line) {}
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        new ProcessBuilder("docker", "rmi", "-f", image).start().waitFor(60, TimeUnit.SECONDS);
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
