package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.EngineUnavailableException;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one instance: opens its socket, starts its locked-down container, and waits until its
 * host has connected once per concurrency slot. A start that fails leaves nothing behind.
 */
public final class InstanceStarter {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceStarter.class);
    /** How long a training run's host may take to exit and write its class-data archive. */
    private static final Duration TRAINING_EXIT = Duration.ofSeconds(60);

    private final ContainerEngine engine;
    private final String runtimeId;
    /** The operator's labels for every container (--container-label), never fn4j's own. */
    private final Map<String, String> extraLabels;

    private final Path instancesDir;
    private final Duration startTimeout;
    private final InstanceRemover remover;
    /** Waits for a started container's hosts to say Hello. */
    private final Readiness readiness;

    private final ClassDataArchives archives;
    /** The images' labels and Java versions, for their instances' archive keys. */
    private final KnownImages images;
    /** Starts instances with every core, then holds them to their function's cpus. */
    private final StartupBoost boost;
    /** The pod-network transport, or {@code null} for the instance's Unix socket. */
    private final NetworkTransport network;
    /** Starts instances from stems; null when they are off or there is no Unix socket to reach one by. */
    private final StemStart stems;

    /**
     * What a start may use beyond a new container, each off unless given: the class-data archives
     * its instances map, the pod network its hosts dial instead of a socket in their directory (for
     * engines that share no directory with the runtime), and the stems it starts instances from.
     *
     * @param network the pod-network transport, or null for the instance's Unix socket
     * @param stems the stems, or null for none
     */
    public record Extras(ClassDataArchives archives, NetworkTransport network, Stems stems) {

        /** No archives, the Unix socket, no stems. */
        public static final Extras NONE = new Extras(ClassDataArchives.off(), null, null);

        public Extras {
            Objects.requireNonNull(archives, "archives");
        }

        public Extras withArchives(ClassDataArchives archives) {
            return new Extras(archives, network, stems);
        }

        public Extras withNetwork(NetworkTransport network) {
            return new Extras(archives, network, stems);
        }

        public Extras withStems(Stems stems) {
            return new Extras(archives, network, stems);
        }
    }

    public InstanceStarter(
            ContainerEngine engine,
            String runtimeId,
            Map<String, String> extraLabels,
            Path instancesDir,
            Duration startTimeout,
            ExecutorService watchers,
            ScheduledExecutorService timers,
            InstanceRemover remover,
            Clock clock,
            Extras extras) {
        this.engine = engine;
        this.runtimeId = runtimeId;
        this.extraLabels = Map.copyOf(extraLabels);
        this.instancesDir = instancesDir;
        this.startTimeout = startTimeout;
        this.remover = remover;
        this.readiness = new Readiness(engine, startTimeout, watchers, timers, remover, clock);
        this.archives = extras.archives();
        this.images = new KnownImages(engine);
        this.boost = StartupBoost.of(engine, Runtime.getRuntime().availableProcessors(), remover);
        this.network = extras.network();
        this.stems = network == null && extras.stems() != null && extras.stems().on()
                ? new StemStart(extras.stems(), images, readiness, boost)
                : null;
    }

    /**
     * Starts an instance of the function revision and returns it READY with all its slots idle:
     * from a stem when one of its key is ready, else in a new container; either way a stem is
     * then started for its key, should it have none.
     */
    public Instance start(Function function) {
        return stems != null ? stems.start(function, this::inNewContainer) : inNewContainer(function);
    }

    /** Starts an instance in a new container, mapping its revision's archive when there is one. */
    private Instance inNewContainer(Function function) {
        return start(function, archives.on() ? archiveKey(function) : ArchiveKey.ofRevision(function), null);
    }

    /** The key of the archive the revision's instances map: its platform's when its image names one. */
    private ArchiveKey archiveKey(Function function) {
        return ArchiveKey.of(function, images.find(function.spec().image()));
    }

    /**
     * Starts an instance mapping the archive of {@code key}; a training run of an archive of
     * {@code training}'s kind for that key when it is not null.
     */
    private Instance start(Function function, ArchiveKey key, ArchiveKind training) {
        long begin = System.nanoTime();
        String instanceId = Ids.instanceId();
        Path dir = instancesDir.resolve(instanceId);
        HostEndpoint socket;
        Map<String, String> transport;
        try {
            if (network == null) {
                socket = InstanceSocket.open(dir);
                transport = Map.of(Protocol.ENV_SOCKET, Protocol.CONTAINER_SOCKET_DIR + "/" + Protocol.SOCKET_FILE);
            } else {
                Files.createDirectories(dir);
                NetworkHosts hosts = new NetworkHosts();
                transport = network.issue(instanceId, function.spec().concurrency(), startTimeout, hosts);
                socket = hosts;
            }
        } catch (IOException e) {
            throw new ApiException(
                    ErrorCode.INTERNAL_ERROR, "cannot open the instance socket in " + dir + ": " + e.getMessage(), e);
        }
        List<String> jvmOptions = training != null ? archives.train(key, dir, training) : archives.use(key, dir);
        String containerId;
        try {
            containerId = engine.start(spec(function, instanceId, dir, jvmOptions, training, transport));
        } catch (EngineUnavailableException e) {
            revoke(instanceId);
            socket.abort();
            remover.deleteDir(dir);
            throw new ApiException(ErrorCode.ENGINE_UNAVAILABLE, e.getMessage(), e);
        } catch (EngineException e) {
            revoke(instanceId);
            socket.abort();
            remover.deleteDir(dir);
            throw new ApiException(
                    ErrorCode.START_FAILED,
                    "cannot start an instance of '" + function.name() + "': " + e.getMessage(),
                    e);
        }
        long started = System.nanoTime();
        Instance instance;
        try {
            instance = readiness.await(function, instanceId, containerId, socket, dir);
        } finally {
            revoke(instanceId);
        }
        if (training == null) {
            boost.settle(function, instance);
        }
        long ready = System.nanoTime();
        // The cold start's phases: Docker's part, then the JVM's and the host's until Hello.
        LOG.info(
                "instance {} of {} r{} ready in {} ms: container created and started {} ms, JVM and host to Hello {} ms{}",
                instanceId,
                function.name(),
                function.revision(),
                (ready - begin) / 1_000_000,
                (started - begin) / 1_000_000,
                (ready - started) / 1_000_000,
                training != null
                        ? ", training its class-data archive"
                        : jvmOptions.isEmpty() ? "" : ", with its class-data archive");
        return instance;
    }

    private void revoke(String instanceId) {
        if (network != null) {
            network.revoke(instanceId);
        }
    }

    /**
     * The class-data training run for the revision's archive key (its platform's or its own), when
     * that key has no archive and no other run is training it: starts an instance that writes its
     * archive at exit, hangs up so that its host exits on its own, keeps the archive and removes
     * the container, all before returning. Returns whether the key has an archive now. Throws what
     * {@link #start} throws.
     */
    public boolean train(Function function) {
        if (!archives.on()) {
            return false;
        }
        LoadedImage image = images.find(function.spec().image());
        ArchiveKey key = ArchiveKey.of(function, image);
        if (!archives.needsTraining(key)) {
            return archives.has(key);
        }
        if (image != null && !image.runsOnJvm()) {
            // A Python or Go host maps no class-data archive: a training run would only cost a start.
            return false;
        }
        if (!archives.claim(key)) {
            // Another revision on the platform is training it; its archive serves this one too.
            return false;
        }
        try {
            // Unknown Java (an image that does not say, or none found): the AppCDS flags, as before.
            return train(function, key, ArchiveKind.forJava(image == null ? 0 : image.javaFeature()));
        } finally {
            archives.release(key);
        }
    }

    private boolean train(Function function, ArchiveKey key, ArchiveKind kind) {
        Instance instance = start(function, key, kind);
        instance.kill("class-data training run done");
        boolean exited = true;
        try {
            ContainerState state = engine.awaitStopped(instance.containerId(), TRAINING_EXIT);
            exited = state == null || !state.running();
        } catch (EngineException e) {
            LOG.debug("training run for {}: {}", key.description(), e.getMessage());
        }
        try {
            if (!exited) {
                // Its JVM may be writing still: a half-written archive would only be refused later.
                LOG.info(
                        "no class-data archive for {}: its training run did not exit within {} s",
                        key.description(),
                        TRAINING_EXIT.toSeconds());
                return archives.has(key);
            }
            return archives.collect(key, instance.socketDir(), kind);
        } finally {
            remover.removeNow(instance.containerId(), instance.socketDir());
        }
    }

    private InstanceSpec spec(
            Function function,
            String instanceId,
            Path dir,
            List<String> jvmOptions,
            ArchiveKind training,
            Map<String, String> transport) {
        FunctionSpec spec = function.spec();
        Map<String, String> env = InstanceEnv.of(function);
        env.putAll(transport);
        env.put(Protocol.ENV_INSTANCE_ID, instanceId);
        env.putAll(ArchiveKind.env(jvmOptions));
        if (training == null && !jvmOptions.isEmpty()) {
            // The only options an instance gets besides a training run's are those mapping its archive.
            env.put(Protocol.ENV_CLASS_ARCHIVE, "true");
        }
        if (training != null) {
            env.put(Protocol.ENV_CLASS_TRAINING, "true");
        }
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.putAll(Map.of(
                Labels.RUNTIME,
                runtimeId,
                // A training run serves no call: it is not one of the function's instances.
                training != null ? Labels.TRAINING : Labels.FUNCTION,
                function.name(),
                Labels.REVISION,
                Long.toString(function.revision()),
                Labels.INSTANCE,
                instanceId));
        return new InstanceSpec(
                Ids.containerName(function.name(), instanceId),
                spec.image(),
                env,
                labels,
                dir,
                spec.memoryBytes(),
                boost.startNanoCpus(function),
                spec.tmpBytes(),
                jvmOptions);
    }
}
