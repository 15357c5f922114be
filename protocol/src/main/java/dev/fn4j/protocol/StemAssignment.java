package dev.fn4j.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a stem host, a JVM started ahead of need before it knew its function, is told when the
 * runtime gives it one: the environment an instance of that function would have started with,
 * and the function's class path. The runtime writes it to {@link #FILE} in the instance's socket
 * directory, with the function's {@code /app} files under {@link #APP_DIR} beside it; the format
 * lives here only.
 *
 * @param env the variables to add to the host's environment; immutable, sorted by name
 * @param classPath the function's class path inside the container ({@code dir/*} for a
 *     directory's jars); never empty
 */
public record StemAssignment(Map<String, String> env, String classPath) {

    /** Set on a stem's container: the host waits for its assignment before it loads a handler. */
    public static final String ENV_STEM = "FN4J_STEM";

    /** The assignment's file name in the socket directory; it appears whole (written, then renamed). */
    public static final String FILE = "assignment";

    /** Where the function's {@code /app} tree appears in the socket directory, the host jar left out. */
    public static final String APP_DIR = "app";

    /**
     * What a stem's JVM starts with besides the image's flags: only the host jar on its class path
     * (the function's loader reads the function's files), and {@code java.lang} and
     * {@code java.util} opened so that the host can put the function's variables into
     * {@code System.getenv()}, which the JDK offers no way to change.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "-Djava.class.path=" + ImageLayout.HOST_JAR);

    private static final String CLASS_PATH_KEY = "class-path";
    private static final String ENV_PREFIX = "env.";

    public StemAssignment {
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        Objects.requireNonNull(classPath, "classPath");
        if (classPath.isBlank()) {
            throw new IllegalArgumentException("classPath must not be blank: '" + classPath + "'");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().isEmpty()
                    || e.getKey().indexOf('=') >= 0
                    || e.getKey().indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "env name must be non-empty without '=' or NUL: '" + e.getKey() + "'");
            }
            if (e.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("env value of " + e.getKey() + " must not contain NUL");
            }
        }
    }

    /**
     * The function's class path in a stem: {@link ImageLayout#CLASSPATH} without the host jar,
     * each {@code /app} directory under {@code socketDir}'s {@link #APP_DIR}.
     */
    public static String classPathUnder(String socketDir) {
        List<String> entries = new ArrayList<>();
        String app = ImageLayout.WORKING_DIR + "/";
        for (String entry : ImageLayout.CLASSPATH.split(":")) {
            if (!entry.equals(ImageLayout.HOST_JAR)) {
                entries.add(socketDir + "/" + APP_DIR + "/" + entry.substring(app.length()));
            }
        }
        return String.join(":", entries);
    }

    /** Writes the assignment as ISO-8859-1 properties (non-Latin-1 characters escaped). */
    public void write(OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(CLASS_PATH_KEY, classPath);
        env.forEach((name, value) -> properties.setProperty(ENV_PREFIX + name, value));
        properties.store(out, null);
    }

    /**
     * Reads an assignment {@link #write} wrote.
     *
     * @throws IOException when the stream is not one, naming what is wrong
     */
    public static StemAssignment read(InputStream in) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a stem assignment: " + e.getMessage(), e);
        }
        String classPath = properties.getProperty(CLASS_PATH_KEY);
        if (classPath == null || classPath.isBlank()) {
            throw new IOException("not a stem assignment: no " + CLASS_PATH_KEY);
        }
        Map<String, String> env = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(ENV_PREFIX)) {
                env.put(key.substring(ENV_PREFIX.length()), properties.getProperty(key));
            } else if (!key.equals(CLASS_PATH_KEY)) {
                throw new IOException("not a stem assignment: unknown key '" + key + "'");
            }
        }
        try {
            return new StemAssignment(env, classPath);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a stem assignment: " + e.getMessage(), e);
        }
    }
}
