package dev.fn4j.maven;

import dev.fn4j.image.BaseImage;
import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionOptions;
import dev.fn4j.maven.core.FunctionSettings;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.spec.Field;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that build the function image and describe its functions: the
 * handler, the top-level function settings (the defaults of every {@code <function>}), the base
 * image and the image's name. The values are handed on unchecked; {@link FunctionSettings}
 * checks them.
 */
public abstract class AbstractImageMojo extends AbstractFunctionMojo {

    /**
     * The handler's fully qualified class name, for example {@code com.example.Hello}. Needed
     * only when the project has several handlers; the only one is used otherwise.
     */
    @Parameter(property = "fn.handler")
    private String handler;

    /**
     * The image the function image is built on, with a Java 17 (or later) runtime: a registry
     * reference, {@code docker://NAME} for an image in the local Docker engine, or
     * {@code tar://PATH} for an image archive ({@code docker save} output).
     */
    @Parameter(property = "fn.baseImage", defaultValue = BaseImage.DEFAULT)
    private String baseImage;

    /**
     * The built image's name. Defaults to {@code fn4j/<artifactId>:<version>}; required for
     * {@code -Dfn.output=registry}, where it is the reference pushed to.
     */
    @Parameter(property = "fn.image")
    private String image;

    /**
     * The time limit of one call: {@code <n>ms}, {@code <n>s} or {@code <n>m}, from 1ms to 15m,
     * e.g. 30s. Unset, the runtime's default (30s) applies.
     */
    @Parameter(property = "fn.timeout")
    private String timeout;

    /**
     * The memory limit of one instance: {@code <n>m} or {@code <n>g}, from 64m to 16g, e.g.
     * 256m. Unset, the runtime's default (256m) applies.
     */
    @Parameter(property = "fn.memory")
    private String memory;

    /**
     * The size of the instance's private, writable {@code /tmp} (java.io.tmpdir, where native
     * libraries unpack): {@code <n>m} or {@code <n>g}, from 1m to 1g, e.g. 64m. It counts
     * against {@code memory}. Unset, the runtime's default (64m) applies.
     */
    @Parameter(property = "fn.tmpSize")
    private String tmpSize;

    /** The CPU quota of one instance, in cores, e.g. 0.5. Unset, the runtime's default (1.0). */
    @Parameter(property = "fn.cpus")
    private String cpus;

    /**
     * The calls one instance serves at once, 1 to 1000. Unset, the runtime's default (16), so
     * handlers are called from several threads; set 1 for a handler that is not thread-safe.
     */
    @Parameter(property = "fn.concurrency")
    private String concurrency;

    /**
     * The instances started at deploy and kept warm even when idle, 0 to 100 and at most
     * {@code maxInstances} (set that too when this is above 10, the runtime's default maximum).
     * Unset, the runtime's default (0: every instance starts on demand) applies.
     */
    @Parameter(property = "fn.minInstances")
    private String minInstances;

    /**
     * The most instances of the function running at once, 1 to 100. Unset, the runtime's
     * default (10) applies.
     */
    @Parameter(property = "fn.maxInstances")
    private String maxInstances;

    /**
     * How long an idle instance above {@code minInstances} lives before it is stopped:
     * {@code <n>ms}, {@code <n>s} or {@code <n>m}, from 1ms to 1440m, e.g. 10m. Unset, the
     * runtime's default (10m) applies.
     */
    @Parameter(property = "fn.idleTimeout")
    private String idleTimeout;

    /**
     * The calls that may wait for a free instance, 0 to 10000; calls beyond it are answered
     * {@code 429 queue_full}. Unset, the runtime's default (100) applies.
     */
    @Parameter(property = "fn.maxQueue")
    private String maxQueue;

    /**
     * The function's rate limit, a token bucket: {@code <perSecond>/s} or
     * {@code <perSecond>/s,burst=<n>}, each from 1 to 1000000, e.g. {@code 10/s,burst=20};
     * the burst defaults to the rate. Calls over it are answered {@code 429 rate_limited}.
     * Unset, the function has no rate limit.
     */
    @Parameter(property = "fn.rateLimit")
    private String rateLimit;

    /**
     * What the function does, in your words: text of at most 256 characters, shown by
     * {@code GET /v1/functions/<name>}. Unset, the function has none.
     */
    @Parameter(property = "fn.description")
    private String description;

    /**
     * The most asynchronous calls that may wait or run at once, 1 to 10000000; calls beyond it
     * are answered {@code 429 backlog_full}. Unset, the runtime's default (100000) applies.
     */
    @Parameter(property = "fn.maxBacklog")
    private String maxBacklog;

    /**
     * How a failed asynchronous call is tried again before it is dead-lettered:
     * {@code <retries>[,backoff=<duration>][,maxBackoff=<duration>][,on=<failure>+...]}, with
     * retries 1 to 100, durations from 1ms to 60m and failures {@code error}, {@code timeout},
     * {@code crash}, e.g. {@code 3,backoff=1s,maxBackoff=1m,on=error+timeout}. Unset, a failed
     * call is not retried.
     */
    @Parameter(property = "fn.retries")
    private String retries;

    /**
     * When the runtime calls the function on its own, asynchronously and with no input but the
     * tick: a Quartz cron expression of 6 or 7 fields, seconds first, e.g. {@code 0 *&#47;5 * * * ?}
     * (every 5 minutes). Unset, the function has no schedule.
     */
    @Parameter(property = "fn.schedule")
    private String schedule;

    /** The IANA time zone {@code <schedule>} is read in, e.g. {@code Europe/Paris}. Unset, UTC. */
    @Parameter(property = "fn.scheduleZone")
    private String scheduleZone;

    /**
     * What happens to the ticks of {@code <schedule>} missed while no runtime ran: {@code run-once}
     * (one invocation for all of them at the next start) or {@code skip}. Unset, run-once.
     */
    @Parameter(property = "fn.missedTicks")
    private String missedTicks;

    /** {@code <public>}, set through {@link #setPublic}: a Java field cannot be named public. */
    private String publicTrigger;

    /**
     * The function's configuration, handed to it as {@code Context.config()}. Names are letters,
     * digits and '_', not starting with a digit or {@code FN4J_}. Set in the pom only.
     */
    @Parameter
    private Map<String, String> env;

    /** This plugin, for its fn4j-host dependency. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Whether the function's HTTP trigger ({@code <url>/fn/<name>}) answers calls without an API
     * key: {@code true} or {@code false}. Every other call to the runtime, deploying and
     * {@code fn:invoke} included, still needs one. Unset, the runtime's default (false: the
     * trigger needs a key) applies.
     */
    @Parameter(property = "fn.public")
    public void setPublic(String value) {
        this.publicTrigger = value;
    }

    /** The functions the settings describe, checked. */
    protected final List<FunctionTarget> targets() throws FnFailureException {
        return FunctionSettings.resolve(topLevelOptions(), entries(), project().getArtifactId());
    }

    /** What the image build needs from the project; {@code output} is {@code fn.output}. */
    protected final BuildInputs buildInputs(String output) throws FnExecutionException {
        return new ProjectInputs(project(), plugin).buildInputs(baseImage, output, image);
    }

    private FunctionOptions topLevelOptions() {
        return new FunctionOptions(name(), handler, env, Map.of())
                .with(Field.TIMEOUT, timeout)
                .with(Field.MEMORY, memory)
                .with(Field.TMP_SIZE, tmpSize)
                .with(Field.CPUS, cpus)
                .with(Field.CONCURRENCY, concurrency)
                .with(Field.MIN_INSTANCES, minInstances)
                .with(Field.MAX_INSTANCES, maxInstances)
                .with(Field.IDLE_TIMEOUT, idleTimeout)
                .with(Field.MAX_QUEUE, maxQueue)
                .with(Field.RATE_LIMIT, rateLimit)
                .with(Field.PUBLIC, publicTrigger)
                .with(Field.DESCRIPTION, description)
                .with(Field.MAX_BACKLOG, maxBacklog)
                .with(Field.RETRIES, retries)
                .with(Field.SCHEDULE, schedule)
                .with(Field.SCHEDULE_ZONE, scheduleZone)
                .with(Field.MISSED_TICKS, missedTicks);
    }
}
