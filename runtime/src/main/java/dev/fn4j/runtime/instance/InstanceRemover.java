package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.files.FileTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes instances: marks them dead at once, then removes their container and socket directory
 * in the background so that the call that noticed the death answers without waiting on Docker.
 */
public final class InstanceRemover {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRemover.class);

    private final ContainerEngine engine;
    private final ExecutorService janitor;

    public InstanceRemover(ContainerEngine engine, ExecutorService janitor) {
        this.engine = engine;
        this.janitor = janitor;
    }

    /**
     * Kills the instance; its container goes in the background. Idempotent: returns true only
     * for the call that killed it.
     */
    public boolean kill(Instance instance, String reason) {
        if (!instance.kill(reason)) {
            return false;
        }
        LOG.info(
                "removing instance {} of {} r{}: {}",
                instance.id(),
                instance.function().name(),
                instance.function().revision(),
                reason);
        removeContainer(instance.containerId(), instance.socketDir());
        return true;
    }

    /** Removes a container and its socket directory in the background. */
    public void removeContainer(String containerId, Path socketDir) {
        try {
            janitor.execute(() -> removeNow(containerId, socketDir));
        } catch (RejectedExecutionException e) {
            // Shutting down: do it on this thread rather than leave the container behind.
            removeNow(containerId, socketDir);
        }
    }

    /** Removes a container and its socket directory before returning. */
    public void removeNow(String containerId, Path socketDir) {
        try {
            engine.remove(containerId);
        } catch (EngineException e) {
            LOG.warn("cannot remove container {}: {}", containerId, e.getMessage());
        }
        deleteDir(socketDir);
    }

    /** Up to five last log lines of the container, joined for an error message; "" if none. */
    public String lastLogLines(String containerId) {
        try {
            List<String> lines = engine.logTail(containerId, 5);
            return String.join(" | ", lines).strip();
        } catch (EngineException e) {
            return "";
        }
    }

    /** Deletes an instance's socket directory; a failure is logged, not thrown. */
    public void deleteDir(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
