package dev.fn4j.maven.run;

import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.BuildResult;
import dev.fn4j.maven.core.DeployService;
import dev.fn4j.maven.core.DeployedFunction;
import dev.fn4j.maven.core.Elapsed;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionTarget;
import dev.fn4j.maven.core.GoalLog;
import dev.fn4j.maven.core.ImageService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the project's image from its compiled classes and deploys every function to the local
 * runtime: at start, and again for each batch of changes. Jib rebuilds only the layers whose
 * files changed (the classes, the resources) and the upload leaves out the layers the runtime
 * has, so a reload costs about one small layer and one instance start. The runtime swaps a
 * function's revision only once the new one started, and lets calls in flight finish on the old.
 */
final class Reloader {

    private final BuildInputs inputs;
    private final List<FunctionTarget> targets;
    private final ImageService images;
    private final DeployService deployer;
    private final GoalLog log;

    Reloader(
            BuildInputs inputs,
            List<FunctionTarget> targets,
            ImageService images,
            DeployService deployer,
            GoalLog log) {
        this.inputs = inputs;
        this.targets = List.copyOf(targets);
        this.images = images;
        this.deployer = deployer;
        this.log = log;
    }

    /** Builds and deploys everything; the user's mistakes are thrown. */
    List<DeployedFunction> deploy() throws FnFailureException, FnExecutionException {
        return deploy(images.build(images.prepare(inputs, targets)));
    }

    private List<DeployedFunction> deploy(BuildResult build) throws FnFailureException, FnExecutionException {
        return deployer.deploy(build);
    }

    /**
     * Builds and deploys after {@code batch}; says what changed and how long the swap took, or
     * why it did not happen (the previous code keeps serving then).
     *
     * @return whether the new code serves
     * @throws FnExecutionException when the infrastructure failed (the runtime is gone…)
     */
    boolean reload(ChangeBatcher.Batch batch) throws FnExecutionException {
        String what = RunMessages.changed(batch.paths(), batch.complete());
        long start = System.nanoTime();
        try {
            BuildResult build = images.build(images.prepare(inputs, targets));
            long uploadStart = System.nanoTime();
            List<DeployedFunction> deployed = deploy(build);
            Duration uploadAndDeploy = Elapsed.since(uploadStart);
            List<String> revisions = new ArrayList<>();
            Duration started = Duration.ZERO;
            for (DeployedFunction function : deployed) {
                revisions.add(function.name() + " revision " + function.revision());
                started = started.plus(function.took());
            }
            log.info(RunMessages.swapped(
                    what,
                    revisions,
                    new RunMessages.Steps(Elapsed.since(start), build.took(), uploadAndDeploy.minus(started), started),
                    Duration.ofNanos(System.nanoTime() - batch.firstNanos())));
            return true;
        } catch (FnFailureException e) {
            log.warn(RunMessages.reloadFailed(what, e.getMessage()));
            return false;
        }
    }
}
