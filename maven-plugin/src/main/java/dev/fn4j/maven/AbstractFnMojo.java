package dev.fn4j.maven;

import dev.fn4j.image.BaseImage;
import dev.fn4j.maven.core.ApiKey;
import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionOptions;
import dev.fn4j.maven.core.FunctionSettings;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.maven.core.GoalLog;
import dev.fn4j.maven.core.ImageNames;
import dev.fn4j.maven.core.RuntimeConnection;
import dev.fn4j.spec.Field;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The parameters every fn goal shares, and the steps they share: skipping, turning the core's
 * failures into Maven's, finding the runtime's API key, and collecting what the image build needs
 * from the project.
 *
 * <p>The API key comes from {@code -Dfn.apiKey}, else the {@code FN4J_API_KEY} environment
 * variable, else the {@code <password>} of the settings.xml {@code <server>} named by
 * {@code fn.serverId}. {@code fn.apiKey} is read from the user and system properties on purpose
 * rather than injected as a parameter: Maven prints every parameter's value with {@code -X}, and
 * the key must never be printed. It is also blanked out of every message the goals print.
 */
public abstract class AbstractFnMojo extends AbstractMojo {

    private static final String HOST_ARTIFACT = "dev.fn4j:fn4j-host";

    /** The fn4j runtime's base URL; functions are served at {@code <url>/fn/<name>}. */
    @Parameter(property = "fn.url", defaultValue = "http://localhost:8080")
    private String url;

    /**
     * The function's name: 1 to 63 lower-case letters, digits and '-', starting with a letter
     * and not ending with '-'. Defaults to the project's artifactId. With {@code <functions>},
     * names the one function to deploy or invoke; unset, {@code fn:deploy} deploys them all.
     */
    @Parameter(property = "fn.name")
    private String name;

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

    /** The CPU quota of one instance, in cores, e.g. 0.5. Unset, the runtime's default (1.0). */
    @Parameter(property = "fn.cpus")
    private String cpus;

    /**
     * The calls one instance serves at once, 1 to 1000. Unset, the runtime's default (1).
     * Raise it only for handlers that are safe to call from several threads.
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

    /** {@code <public>}, set through {@link #setPublic}: a Java field cannot be named public. */
    private String publicTrigger;

    /**
     * The function's configuration, handed to it as {@code Context.config()}. Names are letters,
     * digits and '_', not starting with a digit or {@code FN4J_}. Set in the pom only.
     */
    @Parameter
    private Map<String, String> env;

    /**
     * Several functions deployed from the project's one image, each a {@code <function>} with
     * its own {@code <name>} and usually its own {@code <handler>}, and optionally its own
     * {@code <timeout>}, {@code <memory>}, {@code <cpus>}, {@code <concurrency>}, {@code <env>},
     * {@code <minInstances>}, {@code <maxInstances>}, {@code <idleTimeout>}, {@code <maxQueue>},
     * {@code <rateLimit>}, {@code <public>} and {@code <description>}; the top-level settings are their defaults. Set in
     * the pom only.
     */
    @Parameter
    private List<Function> functions;

    /** Skips the goal. */
    @Parameter(property = "fn.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The id of the {@code <server>} in settings.xml whose {@code <password>} is the runtime's
     * API key (encrypted passwords work). The key is taken from {@code -Dfn.apiKey} first, then
     * from the {@code FN4J_API_KEY} environment variable, then from this server; none of them
     * set: calls carry no key. The key is sent as {@code Authorization: Bearer} and never printed.
     */
    @Parameter(property = "fn.serverId", defaultValue = "fn4j")
    private String serverId;

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build's session, for the {@code fn.apiKey} property. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The user's settings, for the runtime's API key. */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

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

    /** Decrypts encrypted passwords in settings.xml. */
    @Inject
    private SettingsDecrypter settingsDecrypter;

    /** The API key, once found; its value is blanked out of everything printed. */
    private ApiKey apiKey;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: fn.skip is true.");
            return;
        }
        try {
            run();
        } catch (FnFailureException e) {
            throw new MojoFailureException(redact(e.getMessage()), causeToShow(e));
        } catch (FnExecutionException e) {
            throw new MojoExecutionException(redact(e.getMessage()), causeToShow(e));
        }
    }

    /**
     * Maven appends every cause's message to the one it prints, which would bury ours (already
     * complete) under the client's and Jib's. So the cause is only attached with {@code -X},
     * and logged at debug level; never when any message in it holds the API key.
     */
    private Throwable causeToShow(Exception e) {
        if (!getLog().isDebugEnabled()) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (apiKey != null && (apiKey.appearsIn(t.getMessage()) || apiKey.appearsIn(t.toString()))) {
                getLog().debug("The failure's cause is left out: it holds the API key.");
                return null;
            }
        }
        getLog().debug(e);
        return e;
    }

    /** {@code text} with the API key, if any is known, blanked out. */
    protected String redact(String text) {
        return apiKey == null ? text : apiKey.redact(text);
    }

    /** What the goal does once it is known not to be skipped. */
    protected abstract void run() throws FnFailureException, FnExecutionException;

    /** The core's view of Maven's logger. */
    protected GoalLog log() {
        return new MavenGoalLog(getLog(), this::redact);
    }

    /**
     * Writes {@code bytes} as they are to standard output, not to the log, ending with a line
     * break so the next log line starts clean: with {@code mvn -q} they are all that is printed.
     *
     * @param what what the bytes are, for the failure, e.g. {@code the function's answer}
     */
    protected static void print(byte[] bytes, String what) throws FnExecutionException {
        PrintStream out = System.out;
        out.write(bytes, 0, bytes.length);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            out.write('\n');
        }
        out.flush();
        if (out.checkError()) {
            throw new FnExecutionException("Cannot write " + what + " to standard output.", null);
        }
    }

    /** The project being built. */
    protected MavenProject project() {
        return project;
    }

    /** Whether the project is an aggregator or parent, which holds no function. */
    protected boolean isPomProject() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping: the project's packaging is pom, so it has no function.");
            return true;
        }
        return false;
    }

    /** The functions the settings describe, checked. */
    protected List<FunctionTarget> targets() throws FnFailureException {
        return FunctionSettings.resolve(topLevelOptions(), entries(), project.getArtifactId());
    }

    /** The function {@code fn:invoke} and {@code fn:logs} work on. */
    protected String invocationName() throws FnFailureException {
        return FunctionSettings.invocationName(name, entries(), project.getArtifactId());
    }

    /** The functions {@code fn:delete} removes: {@code fn.name}, else the project's. */
    protected List<String> projectFunctionNames() throws FnFailureException {
        return FunctionSettings.projectNames(name, entries(), project.getArtifactId());
    }

    /** Whether {@code fn.name} (or {@code <name>}) is set. */
    protected boolean isNameSet() {
        return name != null && !name.isBlank();
    }

    /** The runtime at {@code fn.url}, called with the API key. */
    protected RuntimeConnection runtimeConnection() throws FnFailureException, FnExecutionException {
        return RuntimeConnection.open(url, apiKey());
    }

    /** What the image build needs from the project; {@code output} is {@code fn.output}. */
    protected BuildInputs buildInputs(String output) throws FnExecutionException {
        Map<String, Path> dependencies = new LinkedHashMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getArtifactHandler().isAddedToClasspath()
                    && !Artifact.SCOPE_TEST.equals(artifact.getScope())
                    && !Artifact.SCOPE_PROVIDED.equals(artifact.getScope())) {
                dependencies.put(artifact.getGroupId() + ":" + artifact.getArtifactId() + ":"
                        + artifact.getBaseVersion(), artifact.getFile() == null ? null : artifact.getFile().toPath());
            }
        }
        Path target = Path.of(project.getBuild().getDirectory());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", project.getArtifactId());
        labels.put("org.opencontainers.image.version", project.getVersion());
        return new BuildInputs(project.getBasedir().toPath(),
                Path.of(project.getBuild().getOutputDirectory()), dependencies, hostJar(), baseImage,
                output, image, ImageNames.defaultName(project.getArtifactId(), project.getVersion()),
                target.resolve("fn").resolve("image.tar"), labels);
    }

    private Path hostJar() throws FnExecutionException {
        Artifact host = plugin.getArtifactMap().get(HOST_ARTIFACT);
        if (host == null || host.getFile() == null) {
            throw new FnExecutionException("fn-maven-plugin " + plugin.getVersion()
                    + " has no " + HOST_ARTIFACT + " dependency to put into the image;"
                    + " the plugin's installation is broken: reinstall it.", null);
        }
        return host.getFile().toPath();
    }

    private FunctionOptions topLevelOptions() {
        return new FunctionOptions(name, handler, env, Map.of())
                .with(Field.TIMEOUT, timeout).with(Field.MEMORY, memory).with(Field.CPUS, cpus)
                .with(Field.CONCURRENCY, concurrency).with(Field.MIN_INSTANCES, minInstances)
                .with(Field.MAX_INSTANCES, maxInstances).with(Field.IDLE_TIMEOUT, idleTimeout)
                .with(Field.MAX_QUEUE, maxQueue).with(Field.RATE_LIMIT, rateLimit)
                .with(Field.PUBLIC, publicTrigger).with(Field.DESCRIPTION, description);
    }

    private List<FunctionOptions> entries() {
        return functions == null ? List.of()
                : functions.stream().map(Function::toOptions).toList();
    }

    private ApiKey apiKey() throws FnExecutionException {
        if (apiKey == null) {
            String property = session.getUserProperties().getProperty(ApiKey.PROPERTY,
                    session.getSystemProperties().getProperty(ApiKey.PROPERTY));
            apiKey = ApiKey.resolve(property, System.getenv(ApiKey.ENVIRONMENT), serverId,
                    this::settingsPassword);
            getLog().debug(apiKey.isPresent() ? "Calling the runtime with " + apiKey + "."
                    : "No API key (-Dfn.apiKey, FN4J_API_KEY or settings.xml <server> '" + serverId
                            + "'): calling the runtime without one.");
        }
        return apiKey;
    }

    private String settingsPassword() throws FnExecutionException {
        Server server = settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        SettingsDecryptionResult result =
                settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new FnExecutionException("Cannot decrypt the password of <server> '" + serverId
                        + "' in settings.xml: " + problem.getMessage(), problem.getException());
            }
        }
        return result.getServer().getPassword();
    }
}
