package dev.fn4j.protocol;

/** Constants shared by both ends of the runtime-to-host protocol. */
public final class Protocol {

    /** The protocol version this code writes and the only one it reads. */
    public static final byte VERSION = 1;

    /** The largest frame, length field excluded, either side accepts: 64 MiB. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    /** Where the runtime bind-mounts the instance's socket directory inside the container. */
    public static final String CONTAINER_SOCKET_DIR = "/fn4j";

    /** The socket file's name inside the instance's socket directory. */
    public static final String SOCKET_FILE = "fn.sock";

    /**
     * The longest path a runtime's data directory may have: each instance's socket is
     * {@code <data dir>/instances/<12 hex digits>/fn.sock}, and a Unix socket path holds at most
     * 107 bytes. The runtime checks {@code --data-dir} by it, and {@code mvn fn:run} chooses its
     * data directory by it.
     */
    public static final int MAX_DATA_DIR_LENGTH = 107 - ("/instances/0123456789ab/" + SOCKET_FILE).length();

    /** Environment variables the runtime sets in every instance and the host reads. */
    public static final String ENV_SOCKET = "FN4J_SOCKET";

    public static final String ENV_INSTANCE_ID = "FN4J_INSTANCE_ID";

    /**
     * {@code host:port} of the runtime's instance port; when set the host dials it over TCP and
     * presents {@link #ENV_INSTANCE_TOKEN} in a {@link TokenPreamble} instead of using a socket file.
     */
    public static final String ENV_RUNTIME_ADDRESS = "FN4J_RUNTIME_ADDRESS";

    /** The instance's token for the network transport, 64 lower-case hex digits. */
    public static final String ENV_INSTANCE_TOKEN = "FN4J_INSTANCE_TOKEN";

    public static final String ENV_HANDLER = "FN4J_HANDLER";
    public static final String ENV_FUNCTION = "FN4J_FUNCTION";
    public static final String ENV_CONCURRENCY = "FN4J_CONCURRENCY";
    public static final String ENV_CONFIG_KEYS = "FN4J_CONFIG_KEYS";
    /**
     * Set ({@code true}) when the runtime asked the JVM to map a class-data archive; a host whose
     * JVM runs without sharing then says so on stderr.
     */
    public static final String ENV_CLASS_ARCHIVE = "FN4J_CLASS_ARCHIVE";
    /**
     * Set ({@code true}) on a class-data training run: the host then also sets up its JSON mapping
     * before its Hello, so that the archive, which every function on the same JRE and host jar
     * maps, holds those classes whatever types the training function takes.
     */
    public static final String ENV_CLASS_TRAINING = "FN4J_CLASS_TRAINING";
    /**
     * The function's class path ({@code ImageLayout.CLASSPATH}, {@code dir/*} wildcards allowed)
     * when the runtime left only the host's jar on the JVM's own: Java 25's AOT cache refuses a
     * JVM class path with non-empty directories. Unset: the JVM's class path is the function's.
     */
    public static final String ENV_CLASS_PATH = "FN4J_CLASS_PATH";
    /**
     * The most bytes of output the host captures per call and sends in a {@link Frame.Logs}; 0
     * turns capture off. Unset also turns it off: a runtime that does not set it may not know
     * the Logs frame.
     */
    public static final String ENV_LOG_LIMIT_BYTES = "FN4J_LOG_LIMIT_BYTES";

    /**
     * The longest, in ms, the host holds a whole line of a call's output before sending it in a
     * {@link Frame.LogLines}, 1 to {@link #MAX_LOG_STREAM_MILLIS}. Unset or 0 means the host sends
     * none: a runtime that does not set it may not know the frame. Needs a positive
     * {@link #ENV_LOG_LIMIT_BYTES}.
     */
    public static final String ENV_LOG_STREAM_MILLIS = "FN4J_LOG_STREAM_MILLIS";

    /** The line-streaming interval the Java runtime sets: 20 ms. */
    public static final int DEFAULT_LOG_STREAM_MILLIS = 20;

    /** The longest line-streaming interval a host accepts: 1 s. */
    public static final int MAX_LOG_STREAM_MILLIS = 1000;

    /** The log limit the runtime sets unless told otherwise: 64 KiB. */
    public static final int DEFAULT_LOG_LIMIT_BYTES = 64 * 1024;

    /** The largest log limit a host accepts: 16 MiB, so a Logs frame stays far below 64 MiB. */
    public static final int MAX_LOG_LIMIT_BYTES = 16 * 1024 * 1024;

    /** Pseudo-headers of an {@link Frame.Invoke} made by an HTTP trigger. */
    public static final String METHOD = ":method";

    public static final String PATH = ":path";
    public static final String QUERY = ":query";
    /** Pseudo-header of a {@link Frame.Result} from an HTTP handler. */
    public static final String STATUS = ":status";

    /** Platform error codes a host sends in {@link Frame.PlatformError}. */
    public static final String BAD_INPUT = "bad_input";

    public static final String OUT_OF_MEMORY = "out_of_memory";
    public static final String BAD_OUTPUT = "bad_output";
    /**
     * Sent instead of Hello, fatal and with an empty request id: the handler could not be loaded
     * or instantiated; the message says why, with the first lines of the user's stack.
     */
    public static final String HANDLER_FAILED = "handler_failed";

    private Protocol() {}
}
