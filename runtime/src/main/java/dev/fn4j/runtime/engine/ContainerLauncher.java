package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import dev.fn4j.protocol.ImageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and starts one instance's locked-down container, and leaves nothing behind when the
 * start fails: a created but never started container would otherwise hold its name forever.
 */
final class ContainerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncher.class);
    /** Docker's own rule for container names. */
    static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private static final Pattern ENV_NAME = Pattern.compile("[^=\\x00]+");
    /** How the java launcher takes a class path as two arguments. */
    private static final List<String> CLASS_PATH_OPTIONS = List.of("-cp", "-classpath", "--class-path");

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;
    private final NetworkIsolation network;
    /** Image id or reference to its entrypoint; an image's config never changes under its id. */
    private final Map<String, List<String>> entrypoints = new ConcurrentHashMap<>();

    ContainerLauncher(DockerClient client, DockerErrors errors, ContainerRemover remover) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.remover = Objects.requireNonNull(remover, "remover");
        this.network = new NetworkIsolation(client);
    }

    /** Returns the started container's id. */
    String start(InstanceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        check(spec);
        String id = create(spec);
        try {
            client.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            EngineException failure = errors.translate(e, "start container '" + spec.containerName() + "'");
            try {
                remover.remove(id);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private String create(InstanceSpec spec) {
        CreateContainerResponse created;
        try {
            CreateContainerCmd cmd = client.createContainerCmd(spec.image())
                    .withName(spec.containerName())
                    .withUser(ImageLayout.USER)
                    .withEnv(Lockdown.env(spec))
                    .withLabels(Lockdown.labels(spec))
                    .withHostConfig(Lockdown.hostConfig(spec).withNetworkMode(network.mode()));
            if (!spec.jvmOptions().isEmpty()) {
                List<String> entrypoint = withJvmOptions(entrypoint(spec.image()), spec.jvmOptions());
                if (entrypoint != null) {
                    cmd.withEntrypoint(entrypoint);
                } else {
                    LOG.info(
                            "not adding {} to {}: its entrypoint does not start with java",
                            spec.jvmOptions(),
                            spec.image());
                }
            }
            created = cmd.exec();
        } catch (RuntimeException e) {
            throw errors.translate(
                    e, "create container '" + spec.containerName() + "' from image '" + spec.image() + "'");
        }
        String[] warnings = created.getWarnings();
        if (warnings != null) {
            // Docker drops a limit the kernel cannot enforce (swap accounting, say) with only a warning.
            for (String warning : warnings) {
                LOG.warn("Docker warned creating container {}: {}", spec.containerName(), warning);
            }
        }
        return created.getId();
    }

    private List<String> entrypoint(String image) {
        return entrypoints.computeIfAbsent(image, i -> {
            ContainerConfig config = client.inspectImageCmd(i).exec().getConfig();
            String[] entrypoint = config == null ? null : config.getEntrypoint();
            return entrypoint == null ? List.of() : List.of(entrypoint);
        });
    }

    /**
     * The entrypoint with {@code options} right after its {@code java}, or null when it does not
     * start with {@code java} (then the image starts some other way and is left alone). An option
     * {@code -Djava.class.path=…} among them replaces the entrypoint's own class path, whose
     * {@code -cp} would otherwise win, coming later.
     */
    static List<String> withJvmOptions(List<String> entrypoint, List<String> options) {
        if (entrypoint.isEmpty()
                || !(entrypoint.get(0).equals("java") || entrypoint.get(0).endsWith("/java"))) {
            return null;
        }
        boolean ownClassPath = options.stream().anyMatch(o -> o.startsWith("-Djava.class.path="));
        List<String> result = new ArrayList<>(entrypoint.size() + options.size());
        result.add(entrypoint.get(0));
        result.addAll(options);
        for (int i = 1; i < entrypoint.size(); i++) {
            String arg = entrypoint.get(i);
            if (ownClassPath && CLASS_PATH_OPTIONS.contains(arg) && i + 1 < entrypoint.size()) {
                i++; // and its value
            } else if (!(ownClassPath && arg.startsWith("-Djava.class.path="))) {
                result.add(arg);
            }
        }
        return result;
    }

    private static void check(InstanceSpec spec) {
        if (!CONTAINER_NAME.matcher(spec.containerName()).matches()) {
            throw new IllegalArgumentException(
                    "containerName must match " + CONTAINER_NAME + ": '" + spec.containerName() + "'");
        }
        if (spec.image().isBlank()) {
            throw new IllegalArgumentException("image must not be blank: '" + spec.image() + "'");
        }
        if (!spec.socketDir().isAbsolute()) {
            throw new IllegalArgumentException("socketDir must be an absolute path: " + spec.socketDir());
        }
        for (Map.Entry<String, String> e : spec.env().entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches() || e.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("env variable name must be non-empty without '=' or"
                        + " NUL, and its value without NUL: '" + e.getKey() + "'");
            }
        }
    }
}
