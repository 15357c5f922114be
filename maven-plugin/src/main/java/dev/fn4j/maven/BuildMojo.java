package dev.fn4j.maven;

import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.maven.core.GoalOutput;
import dev.fn4j.maven.core.ImageService;
import dev.fn4j.maven.core.PreparedBuild;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the project's function image with Jib, without Docker: the fn4j host, the runtime
 * dependencies and the compiled classes on the base image. Compiles the project first, and
 * checks the settings and handlers before any image work. By default writes the image archive
 * {@code target/fn/image.tar}, which {@code fn:deploy} uploads.
 */
@Mojo(
        name = "build",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class BuildMojo extends AbstractImageMojo {

    /**
     * Where the image goes: {@code tar} writes {@code target/fn/image.tar}; {@code docker}
     * loads it into the local Docker engine; {@code registry} pushes it to {@code fn.image}.
     */
    @Parameter(property = "fn.output", defaultValue = "tar")
    private String output;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        if (isPomProject()) {
            return;
        }
        List<FunctionTarget> targets = targets();
        BuildInputs inputs = buildInputs(output);
        GoalOutput out = output();
        ImageService images = new ImageService(out.log());
        PreparedBuild prepared = images.prepare(inputs, targets);
        out.built(images.build(prepared), inputs);
    }
}
