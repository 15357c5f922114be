package dev.fn4j.runtime;

import dev.fn4j.image.BaseImage;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.source.ImageLoader;
import dev.fn4j.runtime.source.JavaBuilder;
import dev.fn4j.runtime.source.LanguageBuilder;
import dev.fn4j.runtime.source.SourceBuilds;
import dev.fn4j.runtime.source.go.GoBuilder;
import dev.fn4j.runtime.source.python.PythonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/** Composes deploying by upload: the languages an archive may hold, and where builds run. */
final class Uploads {

    /** Asynchronous builds at once: each is mostly disk and the engine, on a small machine. */
    private static final int BUILD_THREADS = 2;

    private Uploads() {}

    /**
     * The upload builds of this runtime, telling {@code loaded} of each image they load; the
     * languages are tried in this order, the first that recognises an upload wins.
     */
    static SourceBuilds builds(
            RuntimeConfig config,
            ContainerEngine engine,
            Deployer deployer,
            Clock clock,
            ThreadFactory threads,
            Consumer<LoadedImage> loaded)
            throws IOException {
        ImageLoader loader = tar -> {
            LoadedImage image = engine.loadImage(tar);
            loaded.accept(image);
            return image.id();
        };
        Path work = config.sourceDir().resolve("cache");
        List<LanguageBuilder> builders = List.of(
                new JavaBuilder(BaseImage.parse(config.sourceBaseImage()), work, config.sourceLimits(), loader),
                new PythonBuilder(PythonBuilder.DEFAULT_BASE_IMAGE, work, loader),
                new GoBuilder(
                        GoBuilder.DEFAULT_TOOLCHAIN_IMAGE,
                        GoBuilder.DEFAULT_BASE_IMAGE,
                        work,
                        config.containerLabels(),
                        loader));
        return new SourceBuilds(
                config.sourceDir().resolve("builds"),
                config.sourceLimits(),
                builders,
                deployer::deploy,
                Executors.newFixedThreadPool(BUILD_THREADS, threads),
                clock);
    }
}
