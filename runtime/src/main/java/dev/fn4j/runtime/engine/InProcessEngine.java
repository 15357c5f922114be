package dev.fn4j.runtime.engine;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.protocol.Protocol;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each instance as threads of this JVM, with no isolation at all ({@code --engine
 * in-process}, for {@code mvn fn:run -Dfn.run.sandbox=none}): the image's {@code /app} is
 * extracted and its own host jar is loaded in a class loader per instance, which then serves the
 * instance's socket exactly as in a container (the same protocol, handler loading and JSON
 * mapping). A new revision gets new class loaders, so reload works as with Docker.
 *
 * <p>Nothing of the lock-down holds: no memory or CPU limit, no network isolation, no read-only
 * files; removing an instance closes its connections but cannot stop a call that is still
 * running (a timed-out call keeps its thread), and a fatal JVM error in a function (out of memory)
 * stops the whole runtime.
 */
public final class InProcessEngine implements ContainerEngine {

    /**
     * What the runtime says at start with this engine, one line each: that nothing is isolated,
     * and exactly which of the lock-down and limits do not hold.
     */
    public static final List<String> WARNING = List.of(
            "ENGINE IN-PROCESS: NOTHING IS ISOLATED. Functions run as threads of this runtime's JVM, as"
                    + " this user, with this machine's files and network. Run only code you trust.",
            "Not enforced: the memory limit (memory, and its swap limit), the CPU quota, the timeout kill (a"
                    + " call past its timeout is answered function_timeout but its thread keeps running),"
                    + " network isolation (no --network none), the read-only root filesystem and the private"
                    + " size-limited /tmp (tmpSize), dropped capabilities, no-new-privileges, the non-root"
                    + " user, the pids and nofile limits.",
            "Also different: an out-of-memory error in any function stops the whole runtime, and what a"
                    + " function prints to System.out and System.err goes to the runtime's output, not to"
                    + " the call's logs (its Context logger's lines still do).",
            "Still the same as in a container: the JSON mapping, handler loading, the protocol, rate"
                    + " limits, queues, concurrency and the HTTP API.");

    /** The host's in-process entry point, loaded from the image's host jar. */
    private static final String ENTRY_CLASS = "dev.fn4j.host.InProcessHost";

    private final InProcessImages images;
    /** The instances started, by their id, until removed. */
    private final Map<String, HostThread> instances = new ConcurrentHashMap<>();

    private final AtomicInteger ids = new AtomicInteger();

    /** An engine keeping its images under {@code dir}. */
    public InProcessEngine(Path dir) {
        this.images = new InProcessImages(dir);
    }

    @Override
    public void ping() {
        // This JVM is the engine: it answers.
    }

    @Override
    public LoadedImage loadImage(Path archive) {
        return images.load(archive);
    }

    @Override
    public int reusableLayers(List<String> diffIds) {
        return images.reusableLayers(diffIds);
    }

    @Override
    public LoadedImage findImage(String imageRef) {
        return images.find(imageRef);
    }

    @Override
    public String start(InstanceSpec spec) {
        LoadedImage image = images.find(spec.image());
        if (image == null) {
            throw new EngineException("could not start " + spec.containerName() + ": no image " + spec.image());
        }
        Path root = images.root(image.id());
        Map<String, String> env = new java.util.HashMap<>(spec.env());
        // The container sees its socket directory at /fn4j; here it is the directory itself.
        env.put(
                Protocol.ENV_SOCKET,
                spec.socketDir().resolve(Protocol.SOCKET_FILE).toString());
        env.remove(Protocol.ENV_CLASS_ARCHIVE);
        String id = "inproc-" + ids.incrementAndGet() + "-" + spec.containerName();
        URLClassLoader hostLoader;
        Method serve;
        String classPath;
        try {
            classPath = classPath(root);
            hostLoader = new URLClassLoader(
                    "fn4j-host " + spec.containerName(),
                    new URL[] {local(root, ImageLayout.HOST_JAR).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            serve = hostLoader.loadClass(ENTRY_CLASS).getMethod("serve", Map.class, String.class, PrintStream.class);
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            throw new EngineException("could not load the host of image " + image.id() + ": " + e, e);
        }
        HostThread host = new HostThread(id, spec.labels(), hostLoader, () -> {
            try {
                return (Integer) serve.invoke(null, env, classPath, System.err);
            } catch (InvocationTargetException e) {
                e.getCause().printStackTrace(System.err);
                return 1;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        instances.put(id, host);
        host.start();
        return id;
    }

    @Override
    public ContainerState inspect(String containerId) {
        HostThread host = instances.get(containerId);
        return host == null ? null : host.state();
    }

    @Override
    public ContainerState awaitStopped(String containerId, Duration timeout) {
        HostThread host = instances.get(containerId);
        if (host == null) {
            return null;
        }
        host.await(timeout);
        return host.state();
    }

    @Override
    public void remove(String containerId) {
        HostThread host = instances.remove(containerId);
        if (host != null) {
            host.stop();
        }
    }

    /** Threads of this JVM cannot be frozen apart from the runtime's: idle instances are removed. */
    @Override
    public boolean canPause() {
        return false;
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        // The host writes to this JVM's stderr, which the runtime's own output already shows.
        return List.of();
    }

    @Override
    public List<String> listByLabel(String label, String value) {
        List<String> found = new ArrayList<>();
        instances.forEach((id, host) -> {
            if (value.equals(host.labels().get(label))) {
                found.add(id);
            }
        });
        return found;
    }

    @Override
    public void close() {
        new ArrayList<>(instances.keySet()).forEach(this::remove);
    }

    /** The entrypoint's class path with each container path under the image's extracted root. */
    static String classPath(Path root) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : ImageLayout.CLASSPATH.split(":")) {
            if (entry.endsWith("/*")) {
                // The JVM expands a wildcard to the directory's jars; the host expects that done.
                Path dir = local(root, entry.substring(0, entry.length() - 2));
                if (java.nio.file.Files.isDirectory(dir)) {
                    try (var jars = java.nio.file.Files.list(dir)) {
                        jars.filter(p -> p.toString().endsWith(".jar"))
                                .sorted()
                                .forEach(p -> entries.add(p.toString()));
                    }
                }
            } else {
                entries.add(local(root, entry).toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path local(Path root, String containerPath) {
        return root.resolve(containerPath.substring(1));
    }
}
