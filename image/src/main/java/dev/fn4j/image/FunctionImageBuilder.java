package dev.fn4j.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Builds a function image with Jib from an {@link ImageBuildRequest}; stateless and thread-safe.
 */
public final class FunctionImageBuilder {

    private static final java.util.regex.Pattern ANSI_ESCAPES = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*m");

    /** The name Jib records as the image's creator. */
    static final String TOOL_NAME = "fn4j";

    /** Jib's layer cache, shared across projects: base layers are the same for all of them. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "fn4j", "jib");
    }

    /**
     * Builds the image the request describes.
     *
     * @throws ImageBuildException with a message saying what to fix when the base image cannot be
     *         read, the output cannot be written, or a registry refuses access
     */
    public BuiltImage build(ImageBuildRequest request) throws ImageBuildException {
        BaseImage base = request.baseImage();
        Consumer<LogEvent> log = logEvents(request);
        if (base.source() == BaseImage.Source.TAR && !Files.isRegularFile(base.tarFile())) {
            throw new ImageBuildException(
                    ImageBuildException.Reason.BASE_IMAGE_NOT_FOUND,
                    base.toString(),
                    "base image archive " + base + " does not exist: no file at "
                            + base.tarFile().toAbsolutePath()
                            + "; tar://PATH needs an image archive such as one written by docker save",
                    null);
        }
        try {
            JibContainerBuilder container = from(base, log)
                    .setFileEntriesLayers(FunctionLayers.of(request))
                    .setEntrypoint(ImageLayout.entrypoint())
                    // Empty, not inherited: a base image's CMD would become the host's arguments.
                    .setProgramArguments(List.of())
                    .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.WORKING_DIR))
                    .setUser(ImageLayout.USER)
                    .setLabels(ImageLabels.of(request))
                    .setCreationTime(request.creationTime())
                    .setFormat(ImageFormat.Docker);
            JibContainer built = container.containerize(containerizer(request, log));
            Path tarFile = request.output() instanceof ImageOutput.Tar tar ? tar.file() : null;
            return new BuiltImage(
                    built.getTargetImage().toString(),
                    built.getDigest().toString(),
                    built.getImageId().toString(),
                    tarFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException(
                    ImageBuildException.Reason.INTERRUPTED,
                    request.output().imageName(),
                    "building " + request.output().imageName() + " was interrupted",
                    e);
        } catch (ExecutionException
                | RegistryException
                | IOException
                | CacheDirectoryCreationException
                | RuntimeException e) {
            throw JibFailures.explain(request, e);
        }
    }

    private static JibContainerBuilder from(BaseImage base, Consumer<LogEvent> log) {
        return switch (base.source()) {
            case DOCKER -> Jib.from(DockerDaemonImage.named(base.imageReference()));
            case TAR -> Jib.from(TarImage.at(base.tarFile().toAbsolutePath()));
            case REGISTRY ->
                Jib.from(withCredentials(RegistryImage.named(base.imageReference()), base.imageReference(), log));
        };
    }

    private static Containerizer containerizer(ImageBuildRequest request, Consumer<LogEvent> log) throws IOException {
        Containerizer containerizer;
        ImageOutput output = request.output();
        ImageReference target = parse(output.imageName());
        if (output instanceof ImageOutput.Tar tar) {
            Path file = tar.file().toAbsolutePath();
            Files.createDirectories(file.getParent());
            containerizer = Containerizer.to(TarImage.at(file).named(target));
        } else if (output instanceof ImageOutput.Docker) {
            containerizer = Containerizer.to(DockerDaemonImage.named(target));
        } else {
            containerizer = Containerizer.to(withCredentials(RegistryImage.named(target), target, log));
        }
        Path cache = request.cacheDir().orElseGet(FunctionImageBuilder::defaultCacheDir);
        return containerizer
                .setBaseImageLayersCache(cache)
                .setApplicationLayersCache(cache)
                // Only when the caller allowed it for this registry (the plugin: loopback only).
                .setAllowInsecureRegistries(output instanceof ImageOutput.Registry registry && registry.allowInsecure())
                // Offline only when nothing needs the network: a local base and a local output.
                .setOfflineMode(request.baseImage().isLocal() && !(output instanceof ImageOutput.Registry))
                .setToolName(TOOL_NAME)
                .setToolVersion(BuildInfo.version())
                .addEventHandler(LogEvent.class, log);
    }

    /**
     * Credentials the way the docker CLI finds them: the Docker config file (with its
     * credsStore/credHelpers) and then the well-known credential helpers; anonymous otherwise.
     */
    private static RegistryImage withCredentials(
            RegistryImage image, ImageReference reference, Consumer<LogEvent> log) {
        CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, log);
        String dockerConfig = System.getenv("DOCKER_CONFIG");
        return image.addCredentialRetriever(
                        dockerConfig == null || dockerConfig.isBlank()
                                ? credentials.dockerConfig()
                                : credentials.dockerConfig(Path.of(dockerConfig, "config.json")))
                .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
    }

    private static ImageReference parse(String name) {
        try {
            return ImageReference.parse(name);
        } catch (InvalidImageReferenceException e) {
            // ImageOutput validated the name already, so this is a bug, not a user error.
            throw new IllegalStateException("image name passed validation but Jib rejects it: " + name, e);
        }
    }

    private static Consumer<LogEvent> logEvents(ImageBuildRequest request) {
        Consumer<String> logger = request.logger().orElse(null);
        if (logger == null) {
            return event -> {};
        }
        return event -> {
            switch (event.getLevel()) {
                // Jib colours its error lines for terminals; callers have their own logging.
                case ERROR, WARN, LIFECYCLE, INFO ->
                    logger.accept(ANSI_ESCAPES.matcher(event.getMessage()).replaceAll(""));
                default -> {} // progress bars and debug chatter
            }
        };
    }
}
