package dev.fn4j.maven.core;

import dev.fn4j.client.FunctionDeployment;
import dev.fn4j.client.FunctionDescription;
import dev.fn4j.client.ImageUpload;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.client.RuntimeHealth;
import java.util.ArrayList;
import java.util.List;

/** Uploads a built image to the runtime and deploys each of its functions. */
public final class DeployService {

    /** The runtime's code for a revision whose handler failed to start (docs/api.md). */
    private static final String HANDLER_FAILED = "handler_failed";

    private final RuntimeConnection connection;
    private final RuntimeClient client;
    private final ImageUploader uploader;
    private final GoalLog log;

    /** A service that deploys through {@code connection} and reports to {@code log}. */
    public DeployService(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.client = connection.client();
        this.uploader = new ImageUploader(connection, log);
        this.log = log;
    }

    /**
     * Checks that the runtime answers, so that an unreachable runtime fails the goal before an
     * image is built. Warns when the runtime's container engine is down.
     */
    public void checkReachable() throws FnFailureException, FnExecutionException {
        try {
            RuntimeHealth health = client.health();
            if (!health.isUp()) {
                log.warn("The fn4j runtime at " + connection.display()
                        + " answers, but its container engine is " + health.engine()
                        + ": functions cannot start until it is up.");
            }
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "answer its health check");
            // Any other answer proves the runtime is there; the upload reports real problems.
            log.debug("GET /healthz answered " + connection.apiKey().redact(api.getMessage()));
        }
    }

    /**
     * Uploads the build's image (without the leading layers the runtime already has), or for an
     * image pushed to a registry takes its reference by digest, and deploys every function it is
     * for, in order.
     */
    public List<DeployedFunction> deploy(BuildResult build) throws FnFailureException, FnExecutionException {
        String image;
        if (build.image().tarFile() == null) {
            image = RegistryTarget.pinned(build.image());
        } else {
            ImageUpload upload = uploader.upload(build.image().tarFile());
            image = upload.id();
        }
        List<DeployedFunction> deployed = new ArrayList<>();
        for (ChosenFunction function : build.functions()) {
            deployed.add(put(function, image));
        }
        return List.copyOf(deployed);
    }

    private DeployedFunction put(ChosenFunction function, String imageId)
            throws FnFailureException, FnExecutionException {
        String name = function.name();
        String handler = function.handler().className();
        long start = System.nanoTime();
        try {
            FunctionDeployment deployment =
                    client.putFunction(name, function.target().spec(imageId, handler));
            FunctionDescription deployed = deployment.function();
            return new DeployedFunction(
                    name,
                    handler,
                    deployed.revision(),
                    deployment.created(),
                    client.functionUrl(name),
                    deployed.publicTrigger(),
                    Elapsed.since(start));
        } catch (RuntimeClientException failure) {
            RuntimeApiException e = connection.apiError(failure, "deploy function '" + name + "'");
            String message = "The fn4j runtime rejected function '" + name + "': " + e.code() + ": " + e.errorMessage();
            // A handler that cannot start is the user's to fix, though the runtime answers 502.
            if (e.status() >= 400 && e.status() < 500 || HANDLER_FAILED.equals(e.code())) {
                throw new FnFailureException(message, e);
            }
            throw new FnExecutionException(
                    "The fn4j runtime failed to deploy function '" + name + "': " + e.code() + ": " + e.errorMessage(),
                    e);
        }
    }
}
