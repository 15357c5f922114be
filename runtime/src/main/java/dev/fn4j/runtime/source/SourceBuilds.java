package dev.fn4j.runtime.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.deploy.Images;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns uploads into revisions: each build gets a directory of its own under the builds
 * directory, is unpacked there by {@link SafeUnzip}, recognised by the first of its
 * {@link LanguageBuilder}s that claims it, built into an image, and deployed through the
 * {@link Deployer} exactly as {@code PUT /v1/functions} deploys. Invariant: a build's directory
 * is deleted when the build ends, whatever the outcome. Builds are kept in memory (the newest
 * {@link #KEPT}); they do not survive a restart, their revisions do.
 */
public final class SourceBuilds {

    /** Deploys a spec body as {@code PUT /v1/functions/{name}} does: {@link Deployer#deploy}. */
    @FunctionalInterface
    public interface Deploy {
        FunctionRegistry.Deployed deploy(String name, JsonNode spec);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceBuilds.class);

    /** Ended builds kept for {@code GET /v1/builds/{id}}. */
    static final int KEPT = 100;

    private final Path buildsDir;
    private final SourceLimits limits;
    private final List<LanguageBuilder> builders;
    private final Deploy deployer;
    private final Executor executor;
    private final Clock clock;
    private final SafeUnzip unzip;
    private final ConcurrentMap<String, Build> builds = new ConcurrentHashMap<>();

    /** Deletes what builds a crash interrupted left behind; blocks on disk. */
    public SourceBuilds(
            Path buildsDir,
            SourceLimits limits,
            List<LanguageBuilder> builders,
            Deploy deployer,
            Executor executor,
            Clock clock)
            throws IOException {
        if (builders.isEmpty()) {
            throw new IllegalArgumentException("at least one language builder is needed");
        }
        this.buildsDir = buildsDir.toAbsolutePath().normalize();
        this.limits = limits;
        this.builders = List.copyOf(builders);
        this.deployer = deployer;
        this.executor = executor;
        this.clock = clock;
        this.unzip = new SafeUnzip(limits);
        Files.createDirectories(this.buildsDir);
        try (Stream<Path> left = Files.list(this.buildsDir)) {
            for (Path dir : left.toList()) {
                Trees.delete(dir);
            }
        }
    }

    public SourceLimits limits() {
        return limits;
    }

    /**
     * Receives an upload into a new build's directory; the build has not run yet. Blocks on disk.
     *
     * @throws ApiException {@code invalid_name}, or what saving the upload threw (413 past the limit)
     */
    public Build receive(String function, Images.Upload upload) throws IOException {
        FunctionName.check(function);
        String id = UUID.randomUUID().toString().replace("-", "");
        Path dir = Files.createDirectories(buildsDir.resolve(id));
        Build build = new Build(id, function, clock.instant(), dir);
        long begin = System.nanoTime();
        try {
            upload.saveTo(dir.resolve("upload.zip"));
        } catch (IOException | RuntimeException e) {
            Trees.delete(dir);
            throw e;
        }
        build.ended("receive", (System.nanoTime() - begin) / 1_000_000);
        remember(build);
        return build;
    }

    /** Runs the build on this thread; blocks on disk, the engine and the deploy's start check. */
    public void run(Build build, ObjectNode parameters) {
        try {
            FunctionRegistry.Deployed deployed = deploy(build, parameters);
            build.succeeded(deployed, clock.instant());
            LOG.info(
                    "build {} deployed '{}' revision {}",
                    build.id(),
                    build.function(),
                    deployed.function().revision());
        } catch (SourceRejectedException e) {
            build.failed(rejected(e, ErrorCode.BAD_SOURCE), clock.instant());
        } catch (ApiException e) {
            build.failed(e, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.failed(new ApiException(ErrorCode.BUILD_FAILED, "the build was interrupted", e), clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.warn("build {} of '{}' failed", build.id(), build.function(), e);
            build.failed(
                    e instanceof dev.fn4j.runtime.error.ApiFailure known
                            ? known.toApi()
                            : new ApiException(
                                    ErrorCode.BUILD_FAILED,
                                    "the build failed on the runtime: " + e.getMessage() + "; see the runtime's log",
                                    e),
                    clock.instant());
        } finally {
            Trees.delete(build.dir());
        }
    }

    /** Runs the build on the build executor; returns at once. */
    public void runLater(Build build, ObjectNode parameters) {
        executor.execute(() -> run(build, parameters));
    }

    public Optional<Build> find(String id) {
        return Optional.ofNullable(builds.get(id));
    }

    private FunctionRegistry.Deployed deploy(Build build, ObjectNode parameters)
            throws IOException, InterruptedException {
        Path root = build.dir().resolve("src");
        long begin = System.nanoTime();
        try {
            unzip.unpack(build.dir().resolve("upload.zip"), root);
        } catch (SourceRejectedException e) {
            throw rejected(e, ErrorCode.BAD_ARCHIVE);
        }
        Files.delete(build.dir().resolve("upload.zip"));
        ObjectNode settings = UploadSettings.merged(root, parameters);
        begin = ended(build, "unpack", begin);
        String handler = UploadSettings.handler(settings);
        LanguageBuilder builder = detect(root, handler);
        build.language(builder.language());
        begin = ended(build, "detect", begin);
        String image = builder.build(root, handler, imageName(build), build);
        begin = System.nanoTime();
        settings.put("image", image);
        FunctionRegistry.Deployed deployed = deployer.deploy(build.function(), settings);
        ended(build, "deploy", begin);
        return deployed;
    }

    private LanguageBuilder detect(Path root, String handler) throws IOException {
        for (LanguageBuilder builder : builders) {
            if (builder.recognises(root, handler)) {
                return builder;
            }
        }
        List<String> lookedFor = new ArrayList<>();
        builders.forEach(b -> lookedFor.add(b.lookedFor()));
        throw new SourceRejectedException(
                "no_language", null, "found no function in the archive; looked for " + String.join("; ", lookedFor));
    }

    /** {@code fn4j-source/<function>:<build id>}, lower case as image names must be. */
    private static String imageName(Build build) {
        String repository = build.function().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return "fn4j-source/" + repository + ":" + build.id();
    }

    private static long ended(Build build, String step, long begin) {
        long now = System.nanoTime();
        build.ended(step, (now - begin) / 1_000_000);
        return now;
    }

    static ApiException rejected(SourceRejectedException e, ErrorCode code) {
        Map<String, String> details =
                e.entry() == null ? Map.of("rule", e.rule()) : Map.of("rule", e.rule(), "entry", e.entry());
        return new ApiException(code, e.getMessage(), details, e);
    }

    /** Keeps the build, dropping the oldest ended ones past {@link #KEPT}. */
    private void remember(Build build) {
        builds.put(build.id(), build);
        if (builds.size() > KEPT) {
            builds.values().stream()
                    .filter(b -> b.state() != Build.State.RUNNING)
                    .sorted(Comparator.comparing(Build::createdAt))
                    .limit(builds.size() - KEPT)
                    .toList()
                    .forEach(b -> builds.remove(b.id()));
        }
    }
}
