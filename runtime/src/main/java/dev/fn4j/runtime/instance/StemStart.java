package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an instance out of a ready stem of the function's {@link StemKey}, or starts a new
 * container when it has none or the stem fails it; either way a stem of that key is started
 * afterwards, should it have none.
 */
final class StemStart {

    private static final Logger LOG = LoggerFactory.getLogger(StemStart.class);

    private final Stems stems;
    private final KnownImages images;
    private final Readiness readiness;
    private final StartupBoost boost;

    StemStart(Stems stems, KnownImages images, Readiness readiness, StartupBoost boost) {
        this.stems = stems;
        this.images = images;
        this.readiness = readiness;
        this.boost = boost;
    }

    /** An instance of the function from a stem where one serves it, else from {@code inNewContainer}. */
    Instance start(Function function, java.util.function.Function<Function, Instance> inNewContainer) {
        LoadedImage image = images.find(function.spec().image());
        StemKey key = StemKey.of(function.spec(), image);
        if (key == null) {
            return inNewContainer.apply(function);
        }
        Stems.Stem stem = stems.take(key);
        try {
            return stem != null ? fromStem(function, stem, image, inNewContainer) : inNewContainer.apply(function);
        } finally {
            // After, not during: the next stem's JVM start would take CPU from this one.
            stems.prepare(key, image, boost.startNanoCpus(function));
        }
    }

    /**
     * Gives the stem the function and waits for its Hello; a stem that cannot become its instance
     * is removed and a new container started instead, unless the handler itself failed.
     */
    private Instance fromStem(
            Function function,
            Stems.Stem stem,
            LoadedImage image,
            java.util.function.Function<Function, Instance> inNewContainer) {
        long begin = System.nanoTime();
        try {
            stems.assign(stem, image, InstanceEnv.of(function));
        } catch (IOException | RuntimeException e) {
            stems.discard(stem);
            return instead(function, stem, e.getMessage(), inNewContainer);
        }
        long assigned = System.nanoTime();
        Instance instance;
        try {
            instance = readiness.await(function, stem.instanceId(), stem.containerId(), stem.socket(), stem.dir());
        } catch (ApiException e) {
            if (e.code() != ErrorCode.START_FAILED) {
                throw e; // the handler's own failure: a new container would fail the same way
            }
            return instead(function, stem, e.getMessage(), inNewContainer);
        }
        boost.settle(function, instance);
        long ready = System.nanoTime();
        stems.rename(stem, Ids.containerName(function.name(), stem.instanceId()));
        LOG.info(
                "instance {} of {} r{} ready in {} ms from a stem: files linked and assigned {} ms, host to Hello {} ms",
                stem.instanceId(),
                function.name(),
                function.revision(),
                (ready - begin) / 1_000_000,
                (assigned - begin) / 1_000_000,
                (ready - assigned) / 1_000_000);
        return instance;
    }

    private static Instance instead(
            Function function,
            Stems.Stem stem,
            String why,
            java.util.function.Function<Function, Instance> inNewContainer) {
        LOG.info(
                "stem {} did not become an instance of {} ({}); starting a new container",
                stem.instanceId(),
                function.name(),
                why);
        return inNewContainer.apply(function);
    }
}
