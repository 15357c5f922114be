package dev.fn4j.runtime.deploy;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.FunctionSpecParser;
import dev.fn4j.runtime.pool.CheckedInstance;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates and removes functions: checks a spec against the image it names, checks that
 * the new revision's handler starts, records the revision, and points the function's pool at it,
 * which adopts the checked instance as its first warm one (one cold start per deploy, not two).
 * A revision whose handler fails ({@code handler_failed}) never replaces one that serves: the
 * deploy fails and the old revision keeps serving. With nothing serving, the failed revision is
 * recorded and its calls fail at once with the same error until the next deploy. Blocks on the
 * engine and, for the check, on an instance start.
 */
public final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    private final FunctionRegistry registry;
    private final PoolRegistry pools;
    private final ContainerEngine engine;
    private final FunctionSpecParser parser;
    private final StartCheck startCheck;
    /** Told of every revision deployed with its check passed, and of every removed function. */
    private final RevisionListener listener;
    /** One lock per function name: a deploy's check and its put see the same revision number. */
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public Deployer(
            FunctionRegistry registry,
            PoolRegistry pools,
            ContainerEngine engine,
            FunctionSpecParser parser,
            StartCheck startCheck) {
        this(registry, pools, engine, parser, startCheck, RevisionListener.NONE);
    }

    /** A deployer that tells {@code listener} of the revisions it deploys and the functions it removes. */
    public Deployer(
            FunctionRegistry registry,
            PoolRegistry pools,
            ContainerEngine engine,
            FunctionSpecParser parser,
            StartCheck startCheck,
            RevisionListener listener) {
        this.listener = listener;
        this.registry = registry;
        this.pools = pools;
        this.engine = engine;
        this.parser = parser;
        this.startCheck = startCheck;
    }

    public FunctionRegistry.Deployed deploy(String name, JsonNode body) {
        FunctionName.check(name);
        FunctionSpec spec = parser.parse(body);
        LoadedImage image = engine.findImage(spec.image());
        if (image == null) {
            throw new ApiException(
                    ErrorCode.IMAGE_NOT_FOUND,
                    "the engine has no image "
                            + quote(spec.image()) + "; upload it first with POST /v1/images"
                            + " (mvn fn:deploy does both)");
        }
        String handler = chooseHandler(spec.handler(), image.handlers(), spec.image());
        // Pin the image by id: a tag moved later must not change what this revision runs.
        FunctionSpec resolved = spec.resolved(image.id(), handler);
        synchronized (lock(name)) {
            Optional<Function> serving = registry.get(name)
                    .filter(f -> pools.get(name).flatMap(FunctionPool::failure).isEmpty());
            Function candidate = registry.preview(name, resolved);
            Checked checked = check(candidate);
            try {
                return put(name, resolved, serving, checked);
            } finally {
                // A no-op once the pool adopted it: the check's instance serves the new revision.
                checked.instance().ifPresent(i -> i.discard("revision " + candidate.revision() + " not deployed"));
            }
        }
    }

    private FunctionRegistry.Deployed put(
            String name, FunctionSpec resolved, Optional<Function> serving, Checked checked) {
        ApiException failed = checked.failed();
        if (failed != null && serving.isPresent()) {
            throw new ApiException(
                    ErrorCode.HANDLER_FAILED,
                    "revision " + serving.get().revision() + " keeps serving: " + failed.getMessage(),
                    failed);
        }
        FunctionRegistry.Deployed deployed = registry.put(name, resolved);
        if (failed != null) {
            pools.deployFailed(deployed.function(), failed);
            throw failed;
        }
        pools.deploy(deployed.function(), checked.instance().orElse(null));
        listener.deployed(deployed.function());
        return deployed;
    }

    /** Removes the function; its instances go once their calls end. */
    public void delete(String name) {
        FunctionName.check(name);
        synchronized (lock(name)) {
            if (registry.remove(name).isEmpty()) {
                throw FunctionRegistry.notFound(name);
            }
            pools.remove(name);
            listener.removed(name);
        }
    }

    /**
     * Brings the function's pool in line with the registry after another runtime changed the
     * function: a pool on another revision is pointed at the registry's (its instances are
     * replaced as a local deploy replaces them), a pool without a function is removed (its
     * instances go once their calls end). No start check runs here: the runtime that deployed
     * the revision checked it, and a revision that failed there reaches the calls here as the
     * failure of its instances' starts. Idempotent; blocks on nothing but a local deploy of the
     * same function.
     */
    public void sync(String name) {
        synchronized (lock(name)) {
            Optional<Function> current = registry.get(name);
            Optional<FunctionPool> pool = pools.get(name);
            if (current.isEmpty()) {
                if (pool.isPresent()) {
                    pools.remove(name);
                    listener.removed(name);
                    LOG.info("'{}' was deleted through another runtime; its instances here go", name);
                }
            } else if (pool.isEmpty()
                    || pool.get().current().revision() != current.get().revision()) {
                pools.deploy(current.get());
                LOG.info(
                        "'{}' revision {} was deployed through another runtime; serving it here",
                        name,
                        current.get().revision());
            }
        }
    }

    /**
     * What a start check found: the instance it started, for the pool to adopt, or the
     * {@code handler_failed} error when the handler cannot start; neither when it did not check.
     */
    private record Checked(Optional<CheckedInstance> instance, ApiException failed) {}

    /**
     * Starts one instance of the candidate; returns it, or the {@code handler_failed} error when
     * its handler cannot start. Other start failures (no room, a slow or crashing container) do
     * not fail the deploy: the pool's starts report them per call.
     */
    private Checked check(Function candidate) {
        try {
            Optional<CheckedInstance> instance = startCheck.check(candidate);
            if (instance.isEmpty()) {
                LOG.info(
                        "not checking that '{}' revision {} starts: no room now",
                        candidate.name(),
                        candidate.revision());
            }
            return new Checked(instance, null);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.HANDLER_FAILED) {
                return new Checked(Optional.empty(), e);
            }
            LOG.info(
                    "deploying '{}' revision {} although its check failed: {}",
                    candidate.name(),
                    candidate.revision(),
                    e.getMessage());
            return new Checked(Optional.empty(), null);
        }
    }

    private Object lock(String name) {
        return locks.computeIfAbsent(name, n -> new Object());
    }

    private static String chooseHandler(String requested, List<String> inImage, String image) {
        if (requested.isEmpty()) {
            if (inImage.size() == 1) {
                return inImage.get(0);
            }
            throw new ApiException(
                    ErrorCode.INVALID_SPEC,
                    "\"handler\" is required: image "
                            + quote(image)
                            + (inImage.isEmpty()
                                    ? " does not name its handlers"
                                    : " has several handlers: " + String.join(", ", inImage)));
        }
        if (!inImage.isEmpty() && !inImage.contains(requested)) {
            throw new ApiException(
                    ErrorCode.UNKNOWN_HANDLER,
                    "handler " + quote(requested)
                            + " is not in image " + quote(image) + "; its handlers are: "
                            + String.join(", ", inImage));
        }
        return requested;
    }
}
