package dev.fn4j.runtime;

import dev.fn4j.image.BaseImage;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.callback.AllowList;
import dev.fn4j.runtime.engine.Engines;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.http.ApiServer;
import dev.fn4j.runtime.log.LogFormat;
import dev.fn4j.runtime.source.SourceLimits;
import dev.fn4j.runtime.store.DatabaseSettings;
import dev.fn4j.spec.Durations;
import dev.fn4j.spec.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The runtime's settings, from command-line options first, then {@code FN4J_*} environment
 * variables, then defaults.
 *
 * @param host the address to listen on
 * @param port the port to listen on, 0 for any free one
 * @param dataDir where the runtime keeps its id, uploads and instance sockets
 * @param maxBodyBytes the largest call body accepted
 * @param maxImageBytes the largest image archive accepted
 * @param workerThreads worker threads serving blocking requests
 * @param startTimeout how long an instance may take to become ready
 * @param shutdownGrace how long a stopping runtime lets admitted calls run
 * @param clientRateLimit each client's token bucket, or null when clients are not limited
 * @param memoryBudget the memory all instances together may have, in bytes
 * @param database where state is kept; null for the H2 file database under {@code dataDir}
 * @param invocationRetention how long ended invocations are kept, positive
 * @param adminKey the operator's admin API key ({@code FN4J_ADMIN_KEY}), or null to generate
 *     one at the first start; only ever read from the environment, so it is not in {@code ps}
 * @param logFormat how the runtime's log lines are written
 * @param containerLabels labels put on every container this runtime starts besides fn4j's own,
 *     to tell runtimes sharing an engine apart (the tests mark theirs); none by default
 * @param maxBacklog the most asynchronous calls waiting or running, all functions together
 * @param callbackAllow the destinations asynchronous calls may name as {@code X-Callback-Url}
 *     ({@code --callback-allow}, comma-separated patterns, see {@code callback.AllowList}); none
 *     by default
 * @param openLoopback whether requests from a loopback address need no API key for what an
 *     {@code invoke} key may do ({@code --open-loopback}, for {@code mvn fn:run}); off by default
 * @param parentPid the process whose end stops this runtime ({@code --parent-pid}), so that a
 *     runtime started by a tool never outlives it; 0 for none
 * @param engine where instances run ({@code --engine}): {@link #DOCKER_ENGINE}, each in its
 *     locked-down container (the default), or {@link #IN_PROCESS_ENGINE}, as threads of this JVM
 *     with no isolation at all ({@code mvn fn:run -Dfn.run.sandbox=none})
 * @param runtimeLease how long a runtime sharing a PostgreSQL database may go without a
 *     heartbeat before another takes over its work and containers ({@code
 *     --runtime-lease-seconds}); it beats four times per lease
 * @param sourceLimits what an archive uploaded to {@code POST /v1/functions/{name}/source} is held to
 * @param sourceBaseImage the base image of Java functions built from uploads ({@code --source-base-image})
 * @param keepPaused how long an instance idle past its {@code idleTimeout} stays paused (frozen,
 *     its memory kept, resumed by the next call) before it is removed ({@code --keep-paused}, e.g.
 *     {@code 10m}, the default); zero removes idle instances at once; engines that cannot pause
 *     always remove them
 * @param controlPort a second port ({@code --control-port}) with an IO thread of its own that serves
 *     only the health checks, metrics and admin API, so they answer while calls saturate
 *     the main port; 0 for any free one, {@link ApiServer.Settings#NO_CONTROL_PORT} (the default) for none
 * @param stems how many stems ({@code --stems}, 0 to {@link #MAX_STEMS}) the runtime keeps: JVMs
 *     started ahead of need in containers of a function's platform, each of which becomes an
 *     instance of whichever function of that platform, memory and {@code /tmp} needs one next;
 *     0 turns them off
 */
public record RuntimeConfig(
        String host,
        int port,
        Path dataDir,
        long maxBodyBytes,
        long maxImageBytes,
        int workerThreads,
        Duration startTimeout,
        Duration shutdownGrace,
        RateLimit clientRateLimit,
        long memoryBudget,
        DatabaseSettings database,
        Duration invocationRetention,
        String adminKey,
        LogFormat logFormat,
        Map<String, String> containerLabels,
        int maxBacklog,
        List<String> callbackAllow,
        boolean openLoopback,
        long parentPid,
        String engine,
        Duration runtimeLease,
        SourceLimits sourceLimits,
        String sourceBaseImage,
        Duration keepPaused,
        int controlPort,
        int stems) {

    /** {@code --engine docker}: each instance in its locked-down Docker container. */
    public static final String DOCKER_ENGINE = Engines.DOCKER;

    /** {@code --engine in-process}: each instance in this JVM, nothing isolated. */
    public static final String IN_PROCESS_ENGINE = "in-process";

    /** The default {@code --stems}: one platform and size warm, as most runtimes deploy on one. */
    static final int DEFAULT_STEMS = 1;

    /** The most {@code --stems}: each holds an idle JVM and its memory limit in the budget. */
    static final int MAX_STEMS = 16;

    /** The default {@code --keep-paused}. */
    static final String DEFAULT_KEEP_PAUSED = "10m";
    /** A paused instance holds its memory: a day is surely long enough. */
    static final Duration MAX_KEEP_PAUSED = Duration.ofHours(24);

    private static final List<String> KEEP_PAUSED_UNITS = List.of("ms", "s", "m", "h");

    /** The default {@code --max-backlog}: ten functions' default {@code maxBacklog}. */
    static final int DEFAULT_MAX_BACKLOG = 1_000_000;

    /** The default {@code --invocation-retention-hours}. */
    static final double DEFAULT_RETENTION_HOURS = 24;
    /** Ten years: anything longer is surely a typo. */
    static final double MAX_RETENTION_HOURS = 24 * 365 * 10;

    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** The shortest operator-chosen admin key: anything shorter is guessable. */
    static final int MIN_ADMIN_KEY_LENGTH = 20;

    /** The longest data-dir path that leaves room for instance socket paths (the protocol's rule). */
    static final int MAX_DATA_DIR_LENGTH = Protocol.MAX_DATA_DIR_LENGTH;

    public RuntimeConfig {
        containerLabels = Map.copyOf(containerLabels);
        callbackAllow = List.copyOf(callbackAllow);
        try {
            AllowList.of(callbackAllow);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--callback-allow (or FN4J_CALLBACK_ALLOW): " + e.getMessage());
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port must be in [0, 65535]: " + port);
        }
        if (controlPort != ApiServer.Settings.NO_CONTROL_PORT && (controlPort < 0 || controlPort > 65535)) {
            throw new ConfigException("--control-port must be in [0, 65535]: " + controlPort);
        }
        if (controlPort == port && port != 0) {
            throw new ConfigException("--control-port must differ from --port (" + port
                    + "): it is a second listener for the control plane; pick another port or leave it out");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (dataDir.toString().length() > MAX_DATA_DIR_LENGTH) {
            throw new ConfigException("--data-dir must be at most " + MAX_DATA_DIR_LENGTH
                    + " characters long, since instance sockets live under it and Unix socket"
                    + " paths are limited to 107 bytes: " + dataDir);
        }
        positive("--max-body-bytes", maxBodyBytes);
        positive("--max-image-bytes", maxImageBytes);
        positive("--worker-threads", workerThreads);
        positive("--memory-budget-mb", memoryBudget);
        positive("--max-backlog", maxBacklog);
        if (!DOCKER_ENGINE.equals(engine) && !IN_PROCESS_ENGINE.equals(engine) && !Engines.KUBERNETES.equals(engine)) {
            throw new ConfigException("--engine must be " + DOCKER_ENGINE + " (the default), " + Engines.KUBERNETES
                    + " (with fn4j-runtime-kubernetes.jar on the class path) or " + IN_PROCESS_ENGINE
                    + " (no isolation, for mvn fn:run -Dfn.run.sandbox=none): '" + engine + "'");
        }
        if (runtimeLease == null || runtimeLease.isNegative() || runtimeLease.isZero()) {
            throw new ConfigException("--runtime-lease-seconds must be positive: "
                    + (runtimeLease == null ? null : runtimeLease.toSeconds()));
        }
        Objects.requireNonNull(sourceLimits, "sourceLimits");
        try {
            BaseImage.parse(sourceBaseImage);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--source-base-image (or FN4J_SOURCE_BASE_IMAGE): " + e.getMessage());
        }
        if (keepPaused == null || keepPaused.isNegative()) {
            throw new ConfigException("--keep-paused must not be negative: " + keepPaused);
        }
        if (stems < 0 || stems > MAX_STEMS) {
            throw new ConfigException("--stems (or FN4J_STEMS) must be in [0, " + MAX_STEMS
                    + "]; 0 starts every instance in a new container: " + stems);
        }
        if (parentPid < 0) {
            throw new ConfigException("--parent-pid must be a process id, or 0 for none: " + parentPid);
        }
        Objects.requireNonNull(logFormat, "logFormat");
        if (database == null) {
            if (dataDir.toString().contains(";")) {
                throw new ConfigException(
                        "--data-dir must not contain ';' when the runtime keeps" + " its database in it: " + dataDir);
            }
            database = DatabaseSettings.h2File(dataDir.resolve("db").resolve("fn4j"));
        }
        if (invocationRetention == null || invocationRetention.isNegative() || invocationRetention.isZero()) {
            throw new ConfigException("--invocation-retention-hours must be positive: " + invocationRetention);
        }
        if (adminKey != null) {
            adminKey = adminKey.strip();
            if (adminKey.isEmpty()) {
                adminKey = null;
            } else if (adminKey.length() < MIN_ADMIN_KEY_LENGTH
                    || adminKey.length() > 512
                    || !adminKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                // The value is a secret: say what is wrong with it, never what it is.
                throw new ConfigException("FN4J_ADMIN_KEY must be " + MIN_ADMIN_KEY_LENGTH
                        + " to 512 printable ASCII characters without spaces (it has "
                        + adminKey.length() + "); leave it unset to have a key generated");
            }
        }
    }

    /** Parses {@code --name value} options over the environment's {@code FN4J_NAME} variables. */
    public static RuntimeConfig parse(String[] args, Map<String, String> env) {
        Options options = Options.parse(args, env);
        return new RuntimeConfig(
                options.string("host", "127.0.0.1"),
                options.integer("port", 8080),
                Path.of(options.string("data-dir", defaultDataDir(env))),
                options.integer("max-body-bytes", 6 * 1024 * 1024),
                options.longValue("max-image-bytes", 1024L * 1024 * 1024),
                options.integer("worker-threads", 256),
                Duration.ofSeconds(options.integer("start-timeout-seconds", 60)),
                Duration.ofSeconds(options.integer("shutdown-grace-seconds", 30)),
                clientRateLimit(options),
                options.longValue("memory-budget-mb", defaultMemoryBudgetMb()) * 1024 * 1024,
                database(options),
                retention(options),
                env.get("FN4J_ADMIN_KEY"),
                logFormat(options),
                containerLabel(options),
                options.integer("max-backlog", DEFAULT_MAX_BACKLOG),
                callbackAllow(options),
                options.flag("open-loopback"),
                options.longValue("parent-pid", 0),
                options.string("engine", DOCKER_ENGINE).strip(),
                Duration.ofSeconds(options.integer("runtime-lease-seconds", 15)),
                sourceLimits(options),
                options.string("source-base-image", BaseImage.DEFAULT),
                keepPaused(options),
                options.integer("control-port", ApiServer.Settings.NO_CONTROL_PORT),
                options.integer("stems", DEFAULT_STEMS));
    }

    /** {@code --keep-paused 10m}: a duration in ms, s, m or h, or 0 to remove idle instances at once. */
    private static Duration keepPaused(Options options) {
        String value = options.string("keep-paused", DEFAULT_KEEP_PAUSED).strip();
        Duration keep = value.equals("0") ? Duration.ZERO : Durations.parse(value, KEEP_PAUSED_UNITS);
        if (keep == null || keep.compareTo(MAX_KEEP_PAUSED) > 0) {
            throw new ConfigException("--keep-paused (or FN4J_KEEP_PAUSED) must be 0 (remove idle instances"
                    + " at once) or a duration up to 24h such as 500ms, 30s, 10m or 2h: '" + value + "'");
        }
        return keep;
    }

    /** {@code --max-source-*}: what an uploaded archive is held to (docs/api.md). */
    private static SourceLimits sourceLimits(Options options) {
        SourceLimits d = SourceLimits.DEFAULTS;
        try {
            return new SourceLimits(
                    options.longValue("max-source-bytes", d.maxUploadBytes()),
                    options.longValue("max-source-unpacked-bytes", d.maxUnpackedBytes()),
                    options.integer("max-source-entries", d.maxEntries()),
                    options.integer("max-source-ratio", d.maxRatio()),
                    options.integer("max-source-depth", d.maxDepth()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--max-source-*: " + e.getMessage());
        }
    }

    /** {@code --callback-allow p1,p2}: the allowed callback destinations, none by default. */
    private static List<String> callbackAllow(Options options) {
        String value = options.string("callback-allow", "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*"));
    }

    private static LogFormat logFormat(Options options) {
        String value = options.string("log-format", LogFormat.TEXT.optionValue());
        LogFormat format = LogFormat.named(value);
        if (format == null) {
            throw new ConfigException("--log-format (or FN4J_LOG_FORMAT) must be text or json: '" + value + "'");
        }
        return format;
    }

    /** {@code --container-label key=value}: one label of the operator's; fn4j's own are refused. */
    private static Map<String, String> containerLabel(Options options) {
        String label = options.string("container-label", null);
        if (label == null) {
            return Map.of();
        }
        int eq = label.indexOf('=');
        String key = eq < 0 ? "" : label.substring(0, eq);
        String value = eq < 0 ? "" : label.substring(eq + 1);
        if (!LABEL_KEY.matcher(key).matches()
                || value.length() > 256
                || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ConfigException("--container-label must be <key>=<value>, the key of letters,"
                    + " digits, '.', '-' and '_', the value up to 256 printable characters,"
                    + " e.g. com.example.env=staging: '" + label + "'");
        }
        if (Labels.ALL.contains(key)) {
            throw new ConfigException("--container-label cannot set " + key + ", which fn4j sets"
                    + " itself; use a key of your own: '" + label + "'");
        }
        return Map.of(key, value);
    }

    private static DatabaseSettings database(Options options) {
        String url = options.string("database-url", null);
        String user = options.string("database-user", null);
        String password = options.string("database-password", null);
        if (url == null || url.isBlank()) {
            if (user != null || password != null) {
                throw new ConfigException("--database-user and --database-password need"
                        + " --database-url (or FN4J_DATABASE_URL); without it the runtime keeps"
                        + " its state in an H2 database under --data-dir");
            }
            return null;
        }
        url = url.strip();
        if (!DatabaseSettings.supported(url)) {
            throw new ConfigException("--database-url (or FN4J_DATABASE_URL) must be a PostgreSQL"
                    + " JDBC URL such as jdbc:postgresql://db.example:5432/fn4j (or a jdbc:h2:"
                    + " URL): '" + DatabaseSettings.redact(url) + "'");
        }
        return new DatabaseSettings(url, user, password);
    }

    private static Duration retention(Options options) {
        double hours = options.decimal("invocation-retention-hours", DEFAULT_RETENTION_HOURS);
        if (!(hours > 0) || hours > MAX_RETENTION_HOURS) {
            throw new ConfigException("--invocation-retention-hours must be more than 0 and at" + " most "
                    + (long) MAX_RETENTION_HOURS + " (ten years): " + hours);
        }
        long millis = Math.round(hours * 3_600_000);
        return Duration.ofMillis(Math.max(1, millis));
    }

    /**
     * How often ended invocations past their retention are deleted: a tenth of the retention,
     * from 1 second to 10 minutes, so a short retention (in tests) is honoured promptly.
     */
    public Duration retentionCheckInterval() {
        Duration tenth = invocationRetention.dividedBy(10);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(10);
        return tenth.compareTo(min) < 0 ? min : tenth.compareTo(max) > 0 ? max : tenth;
    }

    /** The settings with the database password masked. */
    @Override
    public String toString() {
        return "RuntimeConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database=" + database
                + ", invocationRetention=" + invocationRetention + "]";
    }

    private static RateLimit clientRateLimit(Options options) {
        int perSecond = options.integer("client-rate-limit", 0);
        if (perSecond < 0) {
            throw new ConfigException("--client-rate-limit must not be negative: " + perSecond);
        }
        if (perSecond == 0) {
            return null;
        }
        int burst = options.integer("client-burst", 2 * perSecond);
        if (burst < 1) {
            throw new ConfigException("--client-burst must be positive: " + burst);
        }
        return new RateLimit(perSecond, burst);
    }

    /** Half of the machine's memory: the rest is for the engine, the runtime and the host OS. */
    private static long defaultMemoryBudgetMb() {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return Math.max(256, os.getTotalMemorySize() / 2 / (1024 * 1024));
    }

    private static String defaultDataDir(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home + "/.fn4j/runtime";
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new ConfigException(option + " must be positive: " + value);
        }
    }

    public Path instancesDir() {
        return dataDir.resolve("instances");
    }

    /** Where builds of uploaded source unpack, one directory each, and the build cache. */
    public Path sourceDir() {
        return dataDir.resolve("source");
    }

    public Path uploadDir() {
        return dataDir.resolve("uploads");
    }
}
