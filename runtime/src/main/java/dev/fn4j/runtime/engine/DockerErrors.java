package dev.fn4j.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.Objects;

/**
 * Turns docker-java's exceptions into the engine contract's, so that no docker-java type leaves
 * this package: a transport failure means the engine is unavailable, an HTTP error carries
 * Docker's own message.
 */
final class DockerErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Docker host URI, named in every "unavailable" message so the operator knows what failed. */
    private final String dockerHost;

    DockerErrors(String dockerHost) {
        this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
    }

    String dockerHost() {
        return dockerHost;
    }

    /**
     * The contract exception for a failure while doing {@code action} (a phrase such as
     * "start container 'x'").
     */
    EngineException translate(Throwable failure, String action) {
        if (failure instanceof EngineException engine) {
            return engine;
        }
        if (failure instanceof DockerException docker) {
            return new EngineException("could not " + action + ": " + message(docker), failure);
        }
        if (isTransportFailure(failure)) {
            return unavailable(failure);
        }
        return new EngineException("could not " + action + ": " + failure, failure);
    }

    EngineUnavailableException unavailable(Throwable cause) {
        return new EngineUnavailableException(
                "the Docker engine at " + dockerHost
                        + " does not answer (" + rootMessage(cause) + "); start Docker, or set DOCKER_HOST to"
                        + " the engine's address (e.g. unix:///var/run/docker.sock)",
                cause);
    }

    static boolean isNotFound(Throwable failure) {
        return failure instanceof NotFoundException;
    }

    /**
     * Docker answers errors as {@code {"message": "..."}}; docker-java puts that whole body in
     * its exception message, with a "Status 404:" prefix.
     */
    static String message(DockerException e) {
        String raw = Objects.toString(e.getMessage(), "").trim();
        int brace = raw.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode body = JSON.readTree(raw.substring(brace));
                if (body != null && body.hasNonNull("message")) {
                    return body.get("message").asText().trim();
                }
            } catch (IOException | RuntimeException notJson) {
                // fall through to the raw text
            }
        }
        return raw.isEmpty() ? "HTTP " + e.getHttpStatus() : raw;
    }

    /**
     * docker-java wraps socket errors (refused, missing socket file, timeouts) in a bare
     * RuntimeException; an IOException anywhere in the chain of a non-Docker error means the
     * engine could not be reached or stopped answering.
     */
    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
