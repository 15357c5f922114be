package dev.fn4j.maven.run;

import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.Setting;
import dev.fn4j.protocol.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks {@code fn:run}'s parameters as the user wrote them and makes its {@link RunSettings}. */
public final class RunOptions {

    /** The port setting. */
    public static final Setting PORT = Setting.parameter("runPort", "fn.run.port");
    /** The sandbox setting. */
    public static final Setting SANDBOX = Setting.parameter("runSandbox", "fn.run.sandbox");
    /** The container label setting. */
    public static final Setting LABEL = Setting.parameter("runContainerLabel", "fn.run.containerLabel");

    /**
     * The base image of the functions' images without a sandbox: Jib's empty image, which needs
     * neither Docker nor a registry, since only the image's {@code /app} is used.
     */
    public static final String UNSANDBOXED_BASE_IMAGE = "scratch";

    /** The port tried first when the user names none. */
    static final int DEFAULT_PORT = 8080;

    private static final Pattern LABEL_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}=[ -~]{0,256}");

    private RunOptions() {}

    /** Whether functions run in containers ({@code docker}, the default) or without isolation ({@code none}). */
    static boolean sandboxed(String sandbox) throws FnFailureException {
        String value = sandbox == null ? "docker" : sandbox.strip().toLowerCase(Locale.ROOT);
        if (value.equals("docker") || value.isEmpty()) {
            return true;
        }
        if (value.equals("none")) {
            return false;
        }
        throw new FnFailureException(SANDBOX.invalid(
                sandbox, "not a sandbox", "use docker (the default: each function in its container) or none"));
    }

    /**
     * The settings of a run.
     *
     * @param port {@code fn.run.port}, or null for 8080 when free, else any free port
     * @param label {@code fn.run.containerLabel}, or null
     * @param targetDir the project's build directory; the runtime's data goes to {@code fn4j-run} in it
     * @param sandbox {@code fn.run.sandbox}
     */
    public static RunSettings settings(String port, Path runtimeJar, Path targetDir, String label, String sandbox)
            throws FnFailureException {
        return new RunSettings(
                port(port),
                runtimeJar,
                dataDir(targetDir),
                label(label),
                Duration.ofMillis(150),
                Duration.ofMillis(1000),
                sandboxed(sandbox));
    }

    static int port(String value) throws FnFailureException {
        if (value == null || value.isBlank()) {
            return isFree(DEFAULT_PORT) ? DEFAULT_PORT : freePort();
        }
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new FnFailureException(PORT.invalid(value, "not a port", "use 1 to 65535, e.g. 8080"));
        }
        if (!isFree(port)) {
            throw new FnFailureException(PORT.invalid(
                    value, "a port something else listens on already", "stop that, or choose another port"));
        }
        return port;
    }

    static String label(String value) throws FnFailureException {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LABEL_FORMAT.matcher(value.strip()).matches()) {
            throw new FnFailureException(
                    LABEL.invalid(value, "not a container label", "use <key>=<value>, e.g. com.example.owner=me"));
        }
        return value.strip();
    }

    /**
     * {@code target/fn4j-run}, or a directory of this project's under the temp dir when that is too
     * long for the runtime's instance sockets ({@link Protocol#MAX_DATA_DIR_LENGTH}).
     */
    static Path dataDir(Path targetDir) {
        Path dir = targetDir.toAbsolutePath().normalize().resolve("fn4j-run");
        if (dir.toString().length() <= Protocol.MAX_DATA_DIR_LENGTH) {
            return dir;
        }
        String id = Integer.toHexString(dir.toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "fn4j-run-" + id);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws FnFailureException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new FnFailureException("No free port on 127.0.0.1 for the local runtime: " + e.getMessage()
                    + ". Choose one with -Dfn.run.port.");
        }
    }
}
