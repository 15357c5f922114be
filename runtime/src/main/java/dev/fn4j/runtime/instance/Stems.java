package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.StemAssignment;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.limit.SpareCpu;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's stems: containers whose JVM started ahead of need and waits, each to become an
 * instance of whichever function of its {@link StemKey} needs one next (OpenWhisk's stem cells),
 * so that a new revision's first instance, and one from zero, skip the container's start and the
 * JVM's. At most {@code max} exist, one per key; a key wanted when there are {@code max} takes the
 * place of the one wanted least recently. A stem holds its memory limit in the instances' memory
 * budget, and starts only when that fits: it never makes an instance wait or evicts one. It also
 * starts only when the host's CPU has room ({@link SpareCpu}): its JVM's start must not take cores
 * from the calls of a function just deployed.
 *
 * <p>Invariants: a stem is in {@link #ready} or handed out, never both; a handed-out stem is
 * removed by whoever took it, a ready one by this class. A stem starting or ready holds
 * {@code key.memoryBytes()} of the budget; taking it gives that back, as the instance it becomes
 * reserves its own. Thread-safe.
 */
public final class Stems {

    private static final Logger LOG = LoggerFactory.getLogger(Stems.class);

    /** A started stem: its instance id, container and socket directory, with the socket open. */
    record Stem(StemKey key, String instanceId, String containerId, Path dir, InstanceSocket socket) {}

    private final ContainerEngine engine;
    private final String runtimeId;
    private final Map<String, String> extraLabels;
    private final Path instancesDir;
    private final StemFiles files;
    private final InstanceRemover remover;
    private final Executor background;
    /** Starts stems when the host's CPU has room: a stem is work done ahead of need. */
    private final SpareCpu spareCpu;

    private final MemoryBudget budget;
    private final int max;

    /** Ready stems by key, least recently wanted first; guarded by this. */
    private final LinkedHashMap<StemKey, Stem> ready = new LinkedHashMap<>(16, 0.75f, true);
    /** Keys whose stem is starting; guarded by this. */
    private final Set<StemKey> starting = new HashSet<>();
    /** Guarded by this. */
    private boolean closed;

    /**
     * @param max the most stems at once, 0 for none
     * @param filesDir where images' files are copied out to: on the file system of
     *     {@code instancesDir}, so that linking them into a stem's directory copies nothing
     * @param budget the instances' memory budget, which stems share
     */
    public Stems(
            ContainerEngine engine,
            String runtimeId,
            Map<String, String> extraLabels,
            Path instancesDir,
            Path filesDir,
            InstanceRemover remover,
            Executor background,
            SpareCpu spareCpu,
            MemoryBudget budget,
            int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        this.engine = engine;
        this.runtimeId = runtimeId;
        this.extraLabels = Map.copyOf(extraLabels);
        this.instancesDir = instancesDir;
        this.files = new StemFiles(engine, filesDir, Map.of(Labels.RUNTIME, runtimeId, Labels.STEM, "files"));
        this.remover = remover;
        this.background = background;
        this.spareCpu = spareCpu;
        this.budget = budget;
        this.max = engine.canExtractFromImage() && engine.sharesHostFiles() ? max : 0;
    }

    /** Whether stems are on: the engine can give them files and {@code max} is not 0. */
    public boolean on() {
        return max > 0;
    }

    /**
     * Copies the files of an image just loaded out of it in the background, when a stem could
     * run it: a deploy usually follows its upload, and its first instance then links them at once.
     */
    public void prefetch(LoadedImage image) {
        if (max == 0 || !StemKey.servable(image)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    files.of(image);
                } catch (IOException | RuntimeException e) {
                    LOG.info("cannot copy the files of image {} for stems now: {}", image.id(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The runtime is stopping; the first stem that needs them copies them.
        }
    }

    /** Deletes the files copied out of images by an earlier run; only before any stem starts. */
    public void clearFiles() throws IOException {
        files.clear();
    }

    /**
     * Takes the key's ready stem if its container still runs; null when there is none. The
     * caller gives it a function ({@link #assign}) or removes it.
     */
    Stem take(StemKey key) {
        Stem stem;
        synchronized (this) {
            stem = ready.remove(key);
        }
        if (stem == null) {
            return null;
        }
        budget.release(key.memoryBytes());
        ContainerState state;
        try {
            state = engine.inspect(stem.containerId());
        } catch (EngineException e) {
            state = null;
        }
        if (state == null || !state.running()) {
            LOG.info("stem {} for {} had stopped; starting a new container instead", stem.instanceId(), key.platform());
            discard(stem);
            return null;
        }
        return stem;
    }

    /**
     * Gives a taken stem the function: links the image's files into its directory and writes its
     * assignment, after which its host loads the handler and says Hello like any other.
     *
     * @param env the instance's environment without its transport and id, which the stem has
     */
    void assign(Stem stem, LoadedImage image, Map<String, String> env) throws IOException {
        StemFiles.link(files.of(image), stem.dir().resolve(StemAssignment.APP_DIR));
        StemAssignment assignment =
                new StemAssignment(env, StemAssignment.classPathUnder(Protocol.CONTAINER_SOCKET_DIR));
        Path partial = stem.dir().resolve(StemAssignment.FILE + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            assignment.write(out);
        }
        Files.move(partial, stem.dir().resolve(StemAssignment.FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Names a stem's container as its function's instances are named, in the background: it keeps
     * its stem's labels (Docker cannot change them), so its name is what tells operators whose it is.
     */
    void rename(Stem stem, String name) {
        background.execute(() -> {
            try {
                engine.rename(stem.containerId(), name);
            } catch (EngineException e) {
                LOG.info("cannot rename stem {} to {}: {}", stem.instanceId(), name, e.getMessage());
            }
        });
    }

    /** Removes a stem that was taken and will not be used. */
    void discard(Stem stem) {
        stem.socket().abort();
        remover.removeContainer(stem.containerId(), stem.dir());
    }

    /**
     * Starts a stem for the key in the background, once the host has CPU to spare, unless it has
     * one, ready or starting (waiting for CPU counts as starting); {@code
     * image} (of the key's platform) is what its container runs, {@code nanoCpus} its CPU limit
     * until it is given a function.
     */
    void prepare(StemKey key, LoadedImage image, long nanoCpus) {
        List<Stem> evicted = new ArrayList<>();
        boolean start;
        synchronized (this) {
            if (closed || max == 0 || ready.containsKey(key) || starting.contains(key)) {
                return;
            }
            Iterator<Stem> eldest = ready.values().iterator();
            while (ready.size() + starting.size() >= max && eldest.hasNext()) {
                Stem stem = eldest.next();
                eldest.remove();
                budget.release(stem.key().memoryBytes());
                evicted.add(stem);
            }
            start = ready.size() + starting.size() < max && budget.tryReserve(key.memoryBytes());
            if (start) {
                starting.add(key);
            }
        }
        evicted.forEach(this::discard);
        if (start) {
            try {
                spareCpu.run(() -> startStem(key, image, nanoCpus));
            } catch (RejectedExecutionException stopping) {
                abandon(key);
            }
        }
    }

    /** The key's stem will not start after all: it no longer counts as starting or holds memory. */
    private synchronized void abandon(StemKey key) {
        starting.remove(key);
        budget.release(key.memoryBytes());
    }

    private void startStem(StemKey key, LoadedImage image, long nanoCpus) {
        synchronized (this) {
            if (closed) {
                // Closed while it waited for spare CPU.
                abandon(key);
                return;
            }
        }
        Stem stem = null;
        try {
            stem = start(key, image, nanoCpus);
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot start a stem for {}: {}", key.platform(), e.getMessage());
        }
        boolean keep;
        synchronized (this) {
            keep = stem != null && !closed;
            if (keep) {
                starting.remove(key);
                ready.put(key, stem);
            } else {
                abandon(key);
            }
        }
        if (stem != null && !keep) {
            discard(stem);
        }
    }

    private Stem start(StemKey key, LoadedImage image, long nanoCpus) throws IOException {
        String instanceId = Ids.instanceId();
        Path dir = instancesDir.resolve(instanceId);
        InstanceSocket socket = InstanceSocket.open(dir);
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.putAll(Map.of(Labels.RUNTIME, runtimeId, Labels.STEM, key.label(), Labels.INSTANCE, instanceId));
        Map<String, String> env = Map.of(
                StemAssignment.ENV_STEM,
                "true",
                Protocol.ENV_SOCKET,
                Protocol.CONTAINER_SOCKET_DIR + "/" + Protocol.SOCKET_FILE,
                Protocol.ENV_INSTANCE_ID,
                instanceId);
        try {
            String containerId = engine.start(new InstanceSpec(
                    "fn4j-stem-" + instanceId,
                    image.id(),
                    env,
                    labels,
                    dir,
                    key.memoryBytes(),
                    nanoCpus,
                    key.tmpBytes(),
                    StemAssignment.JVM_OPTIONS));
            return new Stem(key, instanceId, containerId, dir, socket);
        } catch (RuntimeException e) {
            socket.abort();
            remover.deleteDir(dir);
            throw e;
        }
    }

    /** Removes every ready stem; no stem starts after this. */
    public void close() {
        List<Stem> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(ready.values());
            ready.clear();
            all.forEach(stem -> budget.release(stem.key().memoryBytes()));
        }
        all.forEach(this::discard);
    }
}
