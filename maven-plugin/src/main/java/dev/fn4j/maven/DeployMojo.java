package dev.fn4j.maven;

import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.BuildResult;
import dev.fn4j.maven.core.DeployService;
import dev.fn4j.maven.core.Elapsed;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.maven.core.GoalOutput;
import dev.fn4j.maven.core.ImageService;
import dev.fn4j.maven.core.PreparedBuild;
import dev.fn4j.maven.core.RegistryTarget;
import dev.fn4j.maven.core.RuntimeConnection;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the function image (as {@code fn:build} does; Jib's layer cache keeps a rebuild
 * cheap), uploads it to the fn4j runtime at {@code fn.url} without the leading layers the runtime
 * already has (or, with {@code <registry>}, pushes it there with Jib), and deploys each function: a new revision of an existing one, or a new function.
 * Prints each function's URL and revision, and whether the URL is public (needs no API key).
 * Compiles the project first, so {@code mvn fn:deploy} works on a fresh checkout.
 */
@Mojo(
        name = "deploy",
        defaultPhase = LifecyclePhase.DEPLOY,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DeployMojo extends AbstractImageMojo {

    /**
     * The registry {@code fn:deploy} pushes the image to instead of uploading it to the runtime:
     * {@code host:port} with an optional namespace, e.g. {@code registry.example.com/team}; the
     * function is deployed by the pushed image's digest. For a runtime on the Kubernetes engine,
     * whose nodes pull from it. Plain HTTP is used only for a registry on a loopback address.
     * Unset, the image is uploaded to the runtime.
     */
    @Parameter(property = "fn.registry")
    private String registry;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        if (isPomProject()) {
            return;
        }
        long start = System.nanoTime();
        List<FunctionTarget> targets = targets();
        RuntimeConnection runtime = runtimeConnection();
        GoalOutput out = output();
        ImageService images = new ImageService(out.log());
        DeployService deployer = new DeployService(runtime, out.log());
        RegistryTarget pushTo = RegistryTarget.parse(registry);
        BuildInputs inputs = buildInputs("tar");
        // A Kubernetes runtime's kubelets pull from a registry: push there, deploy by digest.
        PreparedBuild prepared = images.prepare(pushTo == null ? inputs : pushTo.apply(inputs), targets);
        deployer.checkReachable();
        BuildResult build = images.build(prepared);
        out.builtForDeploy(build);
        out.deployed(deployer.deploy(build), Elapsed.since(start));
    }
}
