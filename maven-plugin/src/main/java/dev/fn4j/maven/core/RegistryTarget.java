package dev.fn4j.maven.core;

import dev.fn4j.image.BuiltImage;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where {@code fn:deploy} pushes the image for a runtime on the Kubernetes engine, whose kubelets
 * pull from a registry: {@code <registry>}, a {@code host[:port]} with an optional namespace path.
 * The function is then deployed by the pushed image's digest, never by a tag that may move. Plain
 * HTTP is allowed for a registry on a loopback address only.
 *
 * @param registry the value, without a trailing slash, e.g. {@code 127.0.0.1:5000/team}
 */
public record RegistryTarget(String registry) {

    static final Setting REGISTRY = Setting.parameter("registry", "fn.registry");

    /** A registry host with optional port, then optional lower-case path components. */
    private static final Pattern VALUE =
            Pattern.compile("(\\[[0-9a-fA-F:]+\\]|[a-zA-Z0-9.-]+)(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*");

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /**
     * The target the user's value names, or {@code null} when unset (the image is uploaded to the
     * runtime as an archive, as before).
     *
     * @throws FnFailureException naming {@code <registry>} when the value is not a registry
     */
    public static RegistryTarget parse(String value) throws FnFailureException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!VALUE.matcher(trimmed).matches()) {
            throw new FnFailureException(REGISTRY.invalid(
                    value,
                    "not a registry",
                    "use host:port with an optional lower-case namespace, e.g. registry.example.com/team"
                            + " or 127.0.0.1:5000/fn"));
        }
        return new RegistryTarget(trimmed);
    }

    /**
     * The reference to push to: the registry, then the repository and tag of {@code image} (the
     * build's image name) without any registry of its own.
     */
    public String imageName(String image) {
        String name = image.strip();
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            // Docker's rule: a first component with '.', ':' or "localhost" is a registry host.
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                name = name.substring(slash + 1);
            }
        }
        return registry + "/" + name;
    }

    /** Whether plain HTTP may be used: only for a registry on a loopback address. */
    public boolean allowInsecure() {
        return isLoopback(registry);
    }

    /** Whether the image reference's registry host is a loopback address. */
    public static boolean isLoopback(String imageRef) {
        String host = imageRef.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(0, host.indexOf(']') + 1);
        } else if (host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        return LOOPBACK_HOSTS.contains(host) || host.startsWith("127.");
    }

    /** The pushed image by digest, {@code registry/repository@sha256:…}: what the function runs. */
    public static String pinned(BuiltImage image) {
        String name = image.imageName();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int lastSlash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > lastSlash) {
            name = name.substring(0, colon);
        }
        return name + "@" + image.digest();
    }

    /** The build inputs with their output turned into this registry. */
    public BuildInputs apply(BuildInputs in) {
        String image = in.image() == null || in.image().isBlank() ? in.defaultImage() : in.image();
        return new BuildInputs(
                in.baseDir(),
                in.classesDir(),
                in.dependencies(),
                in.hostJar(),
                in.baseImage(),
                "registry",
                imageName(image),
                in.defaultImage(),
                in.tarFile(),
                in.labels());
    }
}
