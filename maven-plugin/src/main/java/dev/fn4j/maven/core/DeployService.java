package dev.fn4j.maven.core;

import dev.fn4j.client.FunctionDeployment;
import dev.fn4j.client.FunctionDescription;
import dev.fn4j.client.ImageUpload;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.client.RuntimeHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Uploads a built image to the runtime and deploys each of its functions. */
public final class DeployService {

    private final RuntimeConnection connection;
    private final RuntimeClient client;
    private final GoalLog log;

    /** A service that deploys through {@code connection} and reports to {@code log}. */
    public DeployService(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.client = connection.client();
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

    /** Uploads the build's image and deploys every function it is for, in order. */
    public List<DeployedFunction> deploy(BuildResult build) throws FnFailureException, FnExecutionException {
        Path archive = build.image().tarFile();
        ImageUpload upload = upload(archive);
        List<DeployedFunction> deployed = new ArrayList<>();
        for (ChosenFunction function : build.functions()) {
            deployed.add(put(function, upload.id()));
        }
        return List.copyOf(deployed);
    }

    private ImageUpload upload(Path archive) throws FnFailureException, FnExecutionException {
        long start = System.nanoTime();
        try {
            ImageUpload upload = client.uploadImage(archive);
            log.info("Uploaded " + archive.getFileName() + " (" + size(archive) + ") to "
                    + connection.display() + " in " + Elapsed.format(Elapsed.since(start))
                    + ": image " + upload.id());
            return upload;
        } catch (RuntimeClientException failure) {
            RuntimeApiException e = connection.apiError(failure, "upload images");
            if (e.status() == 413) {
                throw new FnFailureException("The image archive " + archive + " (" + size(archive)
                        + ") is larger than the fn4j runtime accepts: " + e.code() + ": "
                        + e.errorMessage() + ". Leave out dependencies the function does not need,"
                        + " or start the runtime with a larger --max-image-bytes.", e);
            }
            throw new FnExecutionException("The fn4j runtime at " + connection.display()
                    + " did not accept the image " + archive + ": " + e.code() + ": " + e.errorMessage(), e);
        }
    }

    private DeployedFunction put(ChosenFunction function, String imageId)
            throws FnFailureException, FnExecutionException {
        String name = function.name();
        String handler = function.handler().className();
        long start = System.nanoTime();
        try {
            FunctionDeployment deployment = client.putFunction(name, function.target().spec(imageId, handler));
            FunctionDescription deployed = deployment.function();
            return new DeployedFunction(name, handler, deployed.revision(), deployment.created(),
                    client.functionUrl(name), deployed.publicTrigger(), Elapsed.since(start));
        } catch (RuntimeClientException failure) {
            RuntimeApiException e = connection.apiError(failure, "deploy function '" + name + "'");
            String message = "The fn4j runtime rejected function '" + name + "': " + e.code() + ": "
                    + e.errorMessage();
            if (e.status() >= 400 && e.status() < 500) {
                throw new FnFailureException(message, e);
            }
            throw new FnExecutionException("The fn4j runtime failed to deploy function '" + name
                    + "': " + e.code() + ": " + e.errorMessage(), e);
        }
    }

    private static String size(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1_000_000.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
