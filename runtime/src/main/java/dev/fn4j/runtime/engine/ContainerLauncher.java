package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import dev.fn4j.protocol.ImageLayout;
import java.util.Map;
import java.util.Objects;
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

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;

    ContainerLauncher(DockerClient client, DockerErrors errors, ContainerRemover remover) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.remover = Objects.requireNonNull(remover, "remover");
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
            created = client.createContainerCmd(spec.image())
                    .withName(spec.containerName())
                    .withUser(ImageLayout.USER)
                    .withEnv(Lockdown.env(spec))
                    .withLabels(Lockdown.labels(spec))
                    .withHostConfig(Lockdown.hostConfig(spec))
                    .exec();
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
