package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes this runtime's containers by label and its instance socket directories: at start-up
 * what an earlier, crashed run left behind, and at shutdown whatever is still there.
 */
public final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

    private final ContainerEngine engine;
    private final InstanceRemover remover;

    public OrphanReaper(ContainerEngine engine, InstanceRemover remover) {
        this.engine = engine;
        this.remover = remover;
    }

    /** Removes every container labelled with this runtime id; returns how many. */
    public int removeContainers(String runtimeId) {
        List<String> leftovers = engine.listByLabel(Labels.RUNTIME, runtimeId);
        for (String containerId : leftovers) {
            engine.remove(containerId);
        }
        if (!leftovers.isEmpty()) {
            LOG.info("removed {} container(s) of runtime {}", leftovers.size(), runtimeId);
        }
        return leftovers.size();
    }

    /** Deletes every instance socket directory; only safe while no instance runs. */
    public void removeSocketDirs(Path instancesDir) {
        if (!Files.isDirectory(instancesDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(instancesDir)) {
            dirs.forEach(remover::deleteDir);
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", instancesDir, e.getMessage());
        }
    }
}
