package dev.fn4j.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.fn4j.image.ImageBuildException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * Turns Jib's exceptions into messages that say which image failed and what the user can do.
 */
final class JibFailures {

    private JibFailures() {}

    static ImageBuildException explain(ImageBuildRequest request, Exception failure) {
        Throwable root = unwrap(failure);
        BaseImage base = request.baseImage();
        String target = request.output().imageName();
        String detail = describe(root);

        if (root instanceof CacheDirectoryCreationException) {
            String cache = request.cacheDir()
                    .orElseGet(FunctionImageBuilder::defaultCacheDir)
                    .toString();
            return new ImageBuildException(
                    Reason.CACHE_DIRECTORY,
                    cache,
                    "cannot create Jib's layer cache directory " + cache + ": " + detail,
                    failure);
        }
        if (root instanceof RegistryUnauthorizedException unauthorized) {
            String image = unauthorized.getImageReference(); // registry/repository
            String registry = image.contains("/") ? image.substring(0, image.indexOf('/')) : image;
            return new ImageBuildException(
                    Reason.UNAUTHORIZED,
                    image,
                    "registry " + registry + " refused access to " + image + " while building " + target
                            + " from " + base + ": " + detail + "; log in with docker login " + registry
                            + " (fn4j reads the Docker config and its credential helpers)",
                    failure);
        }
        if (root instanceof RegistryAuthenticationFailedException
                || root instanceof RegistryCredentialsNotSentException) {
            return new ImageBuildException(
                    Reason.UNAUTHORIZED,
                    target,
                    "a registry refused the credentials while building " + target + " from " + base + ": " + detail
                            + "; log in again with docker login <registry>",
                    failure);
        }
        if (root instanceof InsecureRegistryException) {
            return new ImageBuildException(
                    Reason.REGISTRY_ERROR,
                    target,
                    "a registry has no valid HTTPS while building " + target + " from " + base + ": " + detail
                            + "; fn4j does not talk to insecure registries",
                    failure);
        }
        if (base.source() == BaseImage.Source.DOCKER && mentionsDockerCommand(root)) {
            return dockerBaseFailure(base, root, detail, failure);
        }
        if (base.source() == BaseImage.Source.TAR && root instanceof NoSuchFileException) {
            return new ImageBuildException(
                    Reason.BASE_IMAGE_NOT_FOUND,
                    base.toString(),
                    "base image archive " + base + " does not exist: " + detail,
                    failure);
        }
        if (base.source() == BaseImage.Source.REGISTRY && isUnreachable(root)) {
            return new ImageBuildException(
                    Reason.REGISTRY_ERROR,
                    base.toString(),
                    "cannot reach the registry of base image " + base + ": " + detail
                            + "; without network access use docker://NAME for an image in the local Docker engine"
                            + " or tar://PATH for an image archive",
                    failure);
        }
        if (base.source() == BaseImage.Source.REGISTRY && isManifestUnknown(root)) {
            return new ImageBuildException(
                    Reason.BASE_IMAGE_NOT_FOUND,
                    base.toString(),
                    "base image " + base + " not found in its registry: " + detail + "; check the name and tag",
                    failure);
        }
        if (request.output() instanceof ImageOutput.Docker && mentionsDocker(root)) {
            return new ImageBuildException(
                    Reason.DOCKER_ERROR,
                    target,
                    "cannot load " + target + " into the local Docker engine: " + detail
                            + "; check that the docker command works (docker info)",
                    failure);
        }
        if (root instanceof java.io.IOException) {
            return new ImageBuildException(
                    Reason.IO_ERROR, target, "building " + target + " from " + base + " failed: " + detail, failure);
        }
        return new ImageBuildException(
                Reason.FAILED, target, "building " + target + " from " + base + " failed: " + detail, failure);
    }

    private static ImageBuildException dockerBaseFailure(
            BaseImage base, Throwable root, String detail, Exception failure) {
        if (chainMessages(root).toLowerCase(Locale.ROOT).contains("no such image")) {
            return new ImageBuildException(
                    Reason.BASE_IMAGE_NOT_FOUND,
                    base.toString(),
                    "base image " + base + " not found: docker:// needs a local Docker engine that has the image "
                            + base.reference() + " (docker pull or docker load it; docker images lists what is there)",
                    failure);
        }
        return new ImageBuildException(
                Reason.DOCKER_ERROR,
                base.toString(),
                "cannot read base image " + base + " from the local Docker engine: " + detail
                        + "; docker:// needs the docker command on the PATH and a running engine (docker info)",
                failure);
    }

    /** ExecutionException only wraps; the interesting exception is inside it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof ExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    /** Jib runs {@code docker inspect} and {@code docker save} to read a docker:// base. */
    private static boolean mentionsDockerCommand(Throwable failure) {
        String messages = chainMessages(failure);
        return messages.contains("'docker ") || messages.contains("Cannot run program");
    }

    private static boolean mentionsDocker(Throwable failure) {
        return chainMessages(failure).toLowerCase(Locale.ROOT).contains("docker");
    }

    private static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isManifestUnknown(Throwable failure) {
        String messages = chainMessages(failure);
        return messages.contains("MANIFEST_UNKNOWN")
                || messages.contains("NAME_UNKNOWN")
                || messages.contains("not found");
    }

    private static String chainMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
