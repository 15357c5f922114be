package dev.fn4j.test;

import dev.fn4j.client.FunctionSpec;
import dev.fn4j.client.InvocationResponse;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.host.InProcessHost;
import dev.fn4j.spec.Settings;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function deployed into a real, locked-down container: the project's image is built with
 * fn:build's Jib assembly, and an fn4j runtime run as a child process on loopback deploys it with
 * the given settings and calls it, so the timeouts, memory limit, isolation flags and error
 * mapping are the platform's own. {@link #close()} stops the runtime, which removes the containers.
 * Needs {@code fn4j-image} and {@code fn4j-client} on the test class path and a Docker engine.
 */
public final class FnSandbox implements AutoCloseable {

    private final RuntimeProcess runtime;
    private final RuntimeClient client;
    private final String functionName;
    /** The runtime's data directory: its database, its id, its instances' socket directories. */
    private final Path dataDir;

    private FnSandbox(RuntimeProcess runtime, RuntimeClient client, String functionName, Path dataDir) {
        this.runtime = runtime;
        this.client = client;
        this.functionName = functionName;
        this.dataDir = dataDir;
    }

    /** The runtime's data directory. */
    Path dataDir() {
        return dataDir;
    }

    /** A builder for the handler class, as the function's {@code handler} setting names it. */
    public static Builder builder(String handler) {
        return new Builder(handler);
    }

    /** Null when a Docker engine answers; otherwise why the sandbox cannot run. */
    public static String unavailableReason() {
        return DockerEngine.unavailableReason(System.getenv("DOCKER_HOST"));
    }

    public String functionName() {
        return functionName;
    }

    /** Calls with a JSON text body. */
    public FnResponse invokeJson(String json) {
        return send(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** Calls with a text body. */
    public FnResponse invokeText(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** Calls with raw bytes. */
    public FnResponse invokeBytes(byte[] body) {
        return send(body.clone(), "application/octet-stream");
    }

    /** What the runtime printed so far, including its instances' output. */
    public String runtimeOutput() {
        return runtime.output();
    }

    private FnResponse send(byte[] body, String contentType) {
        try {
            InvocationResponse answer = client.invoke(functionName, body, contentType);
            Map<String, List<String>> headers =
                    answer.contentType() == null ? Map.of() : Map.of("content-type", List.of(answer.contentType()));
            return new FnResponse(requestId(answer.requestId()), answer.status(), headers, answer.body(), null, "");
        } catch (RuntimeApiException e) {
            FnError error = new FnError(e.status(), e.code(), e.errorMessage(), e.errorType(), e.stackTrace());
            return new FnResponse(requestId(e.requestId()), e.status(), Map.of(), new byte[0], error, "");
        } catch (RuntimeClientException e) {
            throw new IllegalStateException(
                    "the sandbox's runtime did not answer: " + e.getMessage() + "\nits output:\n" + runtime.output(),
                    e);
        }
    }

    private static String requestId(String id) {
        return id == null ? "" : id;
    }

    /** Stops the runtime, which removes the function's containers; waits until it has. */
    @Override
    public void close() throws InterruptedException {
        runtime.close();
        deleteQuietly(dataDir);
    }

    /** Removes the runtime's data; what cannot be removed stays in the temp directory, harmless. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Left for the system's temp cleaning.
        }
    }

    /**
     * Builds a {@link FnSandbox}. By default the classes (and resources) are those in the
     * {@code fn4j.sandbox.classes} system property's directory, else {@code target/classes}; the dependencies those the {@code fn4j.sandbox.dependencies}
     * system property lists, the base image the {@code fn.baseImage} property's (else
     * {@code eclipse-temurin:17-jre}), and the runtime jar the {@code fn4j.runtimeJar} property's
     * (else fn4j-runtime of the kit's version in the local Maven repository).
     */
    public static final class Builder {
        final String handler;
        String functionName = "sandbox";
        final Map<String, String> settings = new LinkedHashMap<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, String> containerLabels = new LinkedHashMap<>();
        String baseImage = System.getProperty("fn.baseImage", "eclipse-temurin:17-jre");
        Path classes = Path.of(System.getProperty("fn4j.sandbox.classes", "target/classes"));
        Path resources;
        List<Path> dependencies = pathsOf(System.getProperty("fn4j.sandbox.dependencies", ""));
        Path hostJar = property("fn4j.hostJar");
        Path runtimeJar = property("fn4j.runtimeJar");
        Path workDir = Path.of("target", "fn4j-sandbox");

        private Builder(String handler) {
            if (handler == null || handler.isBlank()) {
                throw new IllegalArgumentException("handler must name a class: '" + handler + "'");
            }
            this.handler = handler;
        }

        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** A function setting by its pom name, such as {@code timeout} = {@code 5s} or {@code memory} = {@code 256m}. */
        public Builder setting(String name, String value) {
            settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /** A config value, as the plugin's {@code <env>} sets it. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /**
         * The one label of your own (the runtime's {@code --container-label} takes one) on the image
         * and on every container the sandbox's runtime starts, besides fn4j's own.
         */
        public Builder containerLabel(String key, String value) {
            containerLabels.clear();
            containerLabels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /** {@code NAME:TAG} from a registry, {@code docker://NAME:TAG} or {@code tar://PATH}, as {@code fn.baseImage}. */
        public Builder baseImage(String baseImage) {
            this.baseImage = Objects.requireNonNull(baseImage, "baseImage");
            return this;
        }

        public Builder classes(Path classes) {
            this.classes = Objects.requireNonNull(classes, "classes");
            return this;
        }

        public Builder dependencies(List<Path> jars) {
            this.dependencies = List.copyOf(jars);
            return this;
        }

        public Builder hostJar(Path jar) {
            this.hostJar = Objects.requireNonNull(jar, "jar");
            return this;
        }

        public Builder runtimeJar(Path jar) {
            this.runtimeJar = Objects.requireNonNull(jar, "jar");
            return this;
        }

        /** Where the image and the runtime's data go; one directory per function. */
        public Builder workDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Builds the image, starts the runtime, deploys the function and waits until it is ready.
         *
         * @throws IllegalStateException when Docker is absent, a jar is missing, or the build or
         *     deploy fails, with the reason
         */
        public FnSandbox start() throws IOException, InterruptedException {
            String unavailable = unavailableReason();
            if (unavailable != null) {
                throw new IllegalStateException(unavailable);
            }
            Settings parsed = Settings.parse(settings);
            hostJar = hostJar != null ? hostJar : hostJarOnClassPath();
            runtimeJar = runtimeJar != null ? runtimeJar : RuntimeJar.inLocalRepository();
            Path dir = workDir.resolve(functionName).toAbsolutePath();
            Files.createDirectories(dir);
            Path tar = SandboxImage.build(this, dir.resolve("image.tar"));
            List<String> args = new ArrayList<>();
            containerLabels.forEach((key, value) -> args.addAll(List.of("--container-label", key + "=" + value)));
            // Not under the work directory: instance socket paths under the data directory must stay short.
            Path dataDir = Files.createTempDirectory("fn4j-sandbox-");
            RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, dataDir, args);
            try {
                RuntimeClient client = RuntimeClient.builder(runtime.uri())
                        .apiKey(runtime.adminKey())
                        .build();
                String image = client.uploadImage(tar).id();
                client.putFunction(functionName, new FunctionSpec(image, handler, env, parsed));
                return new FnSandbox(runtime, client, functionName, dataDir);
            } catch (RuntimeClientException | RuntimeException e) {
                String output = runtime.output();
                runtime.close();
                throw new IllegalStateException(
                        "cannot deploy " + handler + " into the sandbox: " + e.getMessage()
                                + "\nthe runtime's output:\n" + output,
                        e);
            }
        }

        private static Path hostJarOnClassPath() {
            try {
                Path location = Path.of(InProcessHost.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                if (Files.isRegularFile(location)) {
                    return location;
                }
                throw new IllegalStateException("fn4j-host is not a jar on the class path but " + location
                        + "; run the test after the package phase (mvn verify) or set -Dfn4j.hostJar");
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the fn4j-host jar: " + e.getMessage(), e);
            }
        }

        private static Path property(String name) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? null : Path.of(value);
        }

        private static List<Path> pathsOf(String list) {
            List<Path> paths = new ArrayList<>();
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank() && entry.endsWith(".jar")) {
                    paths.add(Path.of(entry.strip()));
                }
            }
            return paths;
        }
    }
}
