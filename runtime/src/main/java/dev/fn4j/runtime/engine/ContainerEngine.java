package dev.fn4j.runtime.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the runtime needs of a container engine. Every method blocks on the engine, so callers
 * run it on a worker thread, never on an IO thread.
 */
public interface ContainerEngine extends AutoCloseable {

    /** Throws {@link EngineUnavailableException} unless the engine answers. */
    void ping();

    /**
     * Loads an image archive (docker-archive or OCI layout tar) into the engine.
     *
     * @throws InvalidImageException when the file is not an image archive
     * @throws LayersMissingException when the archive leaves out a layer file and the engine does
     *     not have that layer
     */
    LoadedImage loadImage(Path archive);

    /**
     * How many leading layers of an image whose config lists {@code diffIds} (its
     * {@code rootfs.diff_ids}, in order) the engine already has as exactly that chain, so that an
     * archive of the image may leave out their files.
     *
     * @throws IllegalArgumentException when an entry is not {@code sha256:} and 64 lower-case hex
     *     digits
     */
    int reusableLayers(List<String> diffIds);

    /** Describes an image the engine has, or returns {@code null} when it has none by that ref. */
    LoadedImage findImage(String imageRef);

    /** Creates and starts a locked-down container for one instance; returns its id. */
    String start(InstanceSpec spec);

    /** The container's state now; {@code null} when the engine has no such container. */
    ContainerState inspect(String containerId);

    /**
     * Waits up to {@code timeout} for the container to stop running and returns its state then
     * (possibly still running).
     */
    ContainerState awaitStopped(String containerId, Duration timeout);

    /** Kills and removes the container with its anonymous volumes; no error when already gone. */
    void remove(String containerId);

    /**
     * The last {@code lines} lines the container wrote to stdout and stderr, oldest first; empty
     * when the engine has none.
     */
    List<String> logTail(String containerId, int lines);

    /**
     * Whether {@link #pause} and {@link #unpause} work: an engine that cannot freeze an instance
     * (in-process threads, Kubernetes pods) has its idle instances removed instead of paused.
     */
    default boolean canPause() {
        return false;
    }

    /**
     * Freezes every process of the running container (Docker's cgroup freezer): it uses no CPU
     * and answers nothing, keeps its memory and its open sockets, until {@link #unpause}d.
     *
     * @throws UnsupportedOperationException when {@link #canPause()} is false
     */
    default void pause(String containerId) {
        throw new UnsupportedOperationException("this engine cannot pause containers: " + containerId);
    }

    /**
     * Thaws a container {@link #pause}d before; it carries on where it stopped.
     *
     * @throws UnsupportedOperationException when {@link #canPause()} is false
     */
    default void unpause(String containerId) {
        throw new UnsupportedOperationException("this engine cannot pause containers: " + containerId);
    }

    /**
     * Whether {@link #limitCpus} can change a running container's CPU limit: only then do instances
     * start with a boosted limit (instance.StartupBoost).
     */
    default boolean canLimitCpus() {
        return false;
    }

    /**
     * Sets the running container's CPU limit to {@code nanoCpus} billionths of a CPU.
     *
     * @throws UnsupportedOperationException when {@link #canLimitCpus()} is false
     */
    default void limitCpus(String containerId, long nanoCpus) {
        throw new UnsupportedOperationException("this engine cannot change a container's CPU limit: " + containerId);
    }

    /**
     * Whether {@link #extractFromImage} works: only then can a stem (a container started ahead of
     * need) be given a function's files.
     */
    default boolean canExtractFromImage() {
        return false;
    }

    /**
     * Copies the regular files and directories under {@code dir} of the image into {@code target}
     * (created), files 0644 and directories 0755, leaving out the subtrees named in {@code skip}
     * (relative to {@code dir}); links and devices are left out. A container the engine may
     * create for it carries {@code labels} and is removed once the files are read, possibly after this returns.
     *
     * @throws UnsupportedOperationException when {@link #canExtractFromImage()} is false
     */
    default void extractFromImage(
            String imageRef, String dir, Path target, Set<String> skip, Map<String, String> labels) {
        throw new UnsupportedOperationException("this engine cannot copy files out of an image: " + imageRef);
    }

    /** Renames the container; engines whose containers have no names of their own ignore it. */
    default void rename(String containerId, String name) {}

    /** The ids of every container, running or not, carrying the label with this value. */
    List<String> listByLabel(String label, String value);

    /**
     * Whether an instance can reach a directory of the runtime's machine (the socket directory
     * bind-mounted at /fn4j); when not (Kubernetes), instances dial the runtime over the network.
     */
    default boolean sharesHostFiles() {
        return true;
    }

    @Override
    void close();
}
