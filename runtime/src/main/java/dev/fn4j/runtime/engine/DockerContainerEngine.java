package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ContainerEngine} on a local Docker engine, through docker-java. The work is done by
 * small package classes (image loading, layer lookup, the lock-down, waiting, removal); this class
 * checks arguments and makes sure no docker-java exception leaves it. Safe for concurrent use: the
 * docker-java client is, the layer lookup's cache is a concurrent map, and every other part is
 * immutable.
 */
public final class DockerContainerEngine implements ContainerEngine {

    /** Logs are only read for error messages; never hold a failing call up for long. */
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(2);

    private final DockerClient client;
    private final DockerErrors errors;
    private final DockerImages images;
    private final DockerLayers layers;
    private final ContainerRemover remover;
    private final ContainerLauncher launcher;
    private final ContainerWaiter waiter;
    private final ImageFiles files;

    DockerContainerEngine(DockerClient client, String dockerHost) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = new DockerErrors(dockerHost);
        this.images = new DockerImages(client, errors);
        this.layers = new DockerLayers(client, errors);
        this.remover = new ContainerRemover(client, errors);
        this.launcher = new ContainerLauncher(client, errors, remover);
        this.waiter = new ContainerWaiter(client, errors, this::inspect);
        this.files = new ImageFiles(client, errors, remover);
    }

    /**
     * An engine for the Docker that the environment names as Docker's CLI reads it: DOCKER_HOST,
     * by default {@code unix:///var/run/docker.sock}. Connects lazily; call {@link #ping()} to
     * know whether the engine answers.
     */
    public static DockerContainerEngine fromEnvironment() {
        DockerClientConfig config = DockerClientFactory.environmentConfig();
        return new DockerContainerEngine(
                DockerClientFactory.open(config), config.getDockerHost().toString());
    }

    /** The Docker host URI this engine talks to, for logs and health output. */
    public String dockerHost() {
        return errors.dockerHost();
    }

    @Override
    public void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            EngineException failure = errors.translate(e, "ping the Docker engine at " + dockerHost());
            throw failure instanceof EngineUnavailableException unavailable ? unavailable : errors.unavailable(e);
        }
    }

    @Override
    public LoadedImage loadImage(Path archive) {
        return images.load(archive);
    }

    @Override
    public int reusableLayers(List<String> diffIds) {
        return layers.reusable(diffIds);
    }

    @Override
    public LoadedImage findImage(String imageRef) {
        return images.find(imageRef);
    }

    @Override
    public String start(InstanceSpec spec) {
        return launcher.start(spec);
    }

    @Override
    public ContainerState inspect(String containerId) {
        requireContainerId(containerId);
        try {
            return ContainerStates.of(client.inspectContainerCmd(containerId).exec());
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect container " + containerId);
        }
    }

    @Override
    public ContainerState awaitStopped(String containerId, Duration timeout) {
        requireContainerId(containerId);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return waiter.awaitStopped(containerId, timeout);
    }

    @Override
    public void remove(String containerId) {
        requireContainerId(containerId);
        remover.remove(containerId);
    }

    /** Docker freezes a container's cgroup; a paused container can still be removed by force. */
    @Override
    public boolean canPause() {
        return true;
    }

    @Override
    public void pause(String containerId) {
        requireContainerId(containerId);
        try {
            client.pauseContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "pause container " + containerId);
        }
    }

    @Override
    public boolean canLimitCpus() {
        return true;
    }

    @Override
    public void limitCpus(String containerId, long nanoCpus) {
        requireContainerId(containerId);
        try {
            client.updateContainerCmd(containerId)
                    .withCpuPeriod(Math.toIntExact(CpuQuota.PERIOD_MICROS))
                    .withCpuQuota(Math.toIntExact(CpuQuota.quotaMicros(nanoCpus)))
                    .exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "limit the CPU of container " + containerId);
        }
    }

    @Override
    public void unpause(String containerId) {
        requireContainerId(containerId);
        try {
            client.unpauseContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "unpause container " + containerId);
        }
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        requireContainerId(containerId);
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be positive: " + lines);
        }
        try (BlockingCallback<Frame> logs = new BlockingCallback<>()) {
            client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(lines)
                    .exec(logs);
            if (!logs.await(LOG_TIMEOUT)) {
                return List.of();
            }
            return logs.items().stream()
                    .map(frame -> new String(frame.getPayload(), StandardCharsets.UTF_8).strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (NotFoundException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (RuntimeException e) {
            throw errors.translate(e, "read the logs of container " + containerId);
        }
    }

    @Override
    public void rename(String containerId, String name) {
        try {
            client.renameContainerCmd(containerId).withName(name).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "rename container " + containerId + " to '" + name + "'");
        }
    }

    @Override
    public boolean canExtractFromImage() {
        return true;
    }

    @Override
    public void extractFromImage(
            String imageRef, String dir, Path target, Set<String> skip, Map<String, String> labels) {
        files.extract(imageRef, dir, target, skip, labels);
    }

    @Override
    public List<String> listByLabel(String label, String value) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank: '" + label + "'");
        }
        try {
            return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec().stream()
                    .map(Container::getId)
                    .toList();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list containers labelled " + label + "=" + value);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            throw new EngineException("could not close the Docker client for " + dockerHost() + ": " + e, e);
        }
    }

    /** Ids and names only: they end up in URL paths, which docker-java does not always escape. */
    private static void requireContainerId(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        if (!ContainerLauncher.CONTAINER_NAME.matcher(containerId).matches()) {
            throw new IllegalArgumentException("not a container id or name: '" + containerId + "'");
        }
    }
}
