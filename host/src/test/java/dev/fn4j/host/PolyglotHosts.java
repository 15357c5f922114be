package dev.fn4j.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test helper: finds python3 and go, and links a Go function with the Go host the runtime's way. */
final class PolyglotHosts {

    private PolyglotHosts() {}

    /** The host module's folder: test classes are in its target/test-classes. */
    static Path moduleDir() {
        return Path.of(FakeRuntime.required("fn4j.test.classes"))
                .toAbsolutePath()
                .getParent()
                .getParent();
    }

    /** The repository's hosts/ folder. */
    static Path hostsDir() {
        return moduleDir().resolveSibling("hosts");
    }

    /** The folder of one language's conformance functions, e.g. {@code python}. */
    static Path conformanceFunctions(String language) {
        return moduleDir().resolve("src/test/conformance").resolve(language);
    }

    /** Debian's python3 when there, else the first on PATH; null when none answers. */
    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (runs(List.of(candidate, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The go command when it answers, else null. */
    static String go() {
        return runs(List.of("go", "version")) ? "go" : null;
    }

    private static boolean runs(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Links the package in {@code source} with the Go host as the runtime's GoBuilder does (the
     * package at the root of module {@code function}, the host in fn4jhost/) and compiles it
     * without network; returns the binary.
     */
    static Path compileGo(Path source, Path work, String name) throws IOException, InterruptedException {
        Path module = Files.createDirectories(work.resolve("src-" + name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, module.resolve(file.getFileName()));
            }
        }
        Files.writeString(module.resolve("go.mod"), "module function\n\ngo 1.19\n");
        Path host = Files.createDirectories(module.resolve("fn4jhost"));
        Path hostSource = hostsDir().resolve("go/fn4jhost");
        try (Stream<Path> files = Files.list(hostSource)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".go")) {
                    Files.copy(file, host.resolve(fileName));
                } else if (fileName.equals("main.go.tmpl")) {
                    String main = Files.readString(file).replace("{{FUNCTION_PACKAGE}}", "function");
                    Files.writeString(host.resolve("main.go"), main);
                }
            }
        }
        Path binary = work.resolve(name);
        ProcessBuilder builder = new ProcessBuilder("go", "build", "-o", binary.toString(), "./fn4jhost")
                .directory(module.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CGO_ENABLED", "0");
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("GOFLAGS", "-mod=mod");
        builder.environment().put("GOCACHE", work.resolve("gocache").toString());
        builder.environment().put("GOPATH", work.resolve("gopath").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("go build of " + source + " failed:\n" + output);
        }
        return binary;
    }

    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        }
    }
}
