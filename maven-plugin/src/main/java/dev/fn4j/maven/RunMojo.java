package dev.fn4j.maven;

import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.run.LocalRun;
import dev.fn4j.maven.run.RunOptions;
import dev.fn4j.maven.run.RunSettings;
import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Serves the project's functions on this machine, each in its real locked-down container: starts
 * the fn4j runtime (of this plugin's version) as a child process with its data under
 * {@code target/fn4j-run}, on {@code http://127.0.0.1:8080} (or a free port), builds and deploys
 * every function and prints its URL. Calls from this machine need no API key. Then it watches
 * {@code target/classes}: compile (an IDE build, or {@code mvn compile} in another terminal) and
 * the new code is swapped in within seconds, while calls in flight finish on the old. Each call
 * (method, path, outcome, duration, cold or warm) and the lines the function logged are shown.
 * Ctrl-C stops it and removes its containers. Needs a Docker engine, unless
 * {@code -Dfn.run.sandbox=none} runs the functions inside the runtime's JVM with no isolation.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunMojo extends AbstractImageMojo {

    private static final String RUNTIME_ARTIFACT = "dev.fn4j:fn4j-runtime";

    /** The port on 127.0.0.1 to serve on. Unset: 8080, or any free port when 8080 is taken. */
    @Parameter(property = "fn.run.port")
    private String runPort;

    /**
     * Where the functions run: {@code docker} (each in its locked-down container, as when
     * deployed) or {@code none} (inside the local runtime's JVM with no isolation at all: no
     * memory limit, no timeout kill, no network isolation; needs no Docker engine).
     */
    @Parameter(property = "fn.run.sandbox", defaultValue = "docker")
    private String runSandbox;

    /**
     * A label {@code key=value} put on every container the run starts, besides fn4j's own; for
     * telling runs apart (tests mark theirs). Unset: none.
     */
    @Parameter(property = "fn.run.containerLabel")
    private String runContainerLabel;

    /** The runtime jar to run instead of the fn4j-runtime of this plugin's version, for testing the runtime itself. */
    @Parameter(property = "fn.run.runtimeJar")
    private File runRuntimeJar;

    /** This plugin, for its version. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor pluginDescriptor;

    /** Where the runtime jar is resolved from, as the plugin was. */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    /** Resolves the runtime jar. */
    @Inject
    private RepositorySystem repositorySystem;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        if (isPomProject()) {
            return;
        }
        RunSettings settings = RunOptions.settings(
                runPort, runtimeJar(), Path.of(project().getBuild().getDirectory()), runContainerLabel, runSandbox);
        // Without a sandbox the image only carries /app to the runtime's JVM: no base image is needed.
        BuildInputs inputs =
                settings.sandboxed() ? buildInputs("tar") : buildInputs("tar", RunOptions.UNSANDBOXED_BASE_IMAGE);
        new LocalRun(settings, inputs, targets(), output().log()).run();
    }

    /** The fn4j-runtime jar of this plugin's version, resolved as Maven resolves plugins. */
    private Path runtimeJar() throws FnExecutionException {
        if (runRuntimeJar != null) {
            return runRuntimeJar.toPath();
        }
        String coordinates = RUNTIME_ARTIFACT + ":jar:" + pluginDescriptor.getVersion();
        try {
            return repositorySystem
                    .resolveArtifact(
                            repositorySession,
                            new ArtifactRequest(
                                    new DefaultArtifact(coordinates), project().getRemotePluginRepositories(), null))
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new FnExecutionException(
                    "Cannot resolve the fn4j runtime " + coordinates + " that fn:run starts: " + e.getMessage()
                            + ". Check your repositories, or point -Dfn.run.runtimeJar at a fn4j-runtime.jar.",
                    e);
        }
    }
}
