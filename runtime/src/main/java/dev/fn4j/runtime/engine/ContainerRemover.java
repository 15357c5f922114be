package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Objects;

/**
 * Kills and removes containers; removing one that is gone, or already being removed by someone
 * else (a cleanup sweep racing a pool), is success, since the caller only wants it gone.
 */
final class ContainerRemover {

    private final DockerClient client;
    private final DockerErrors errors;

    ContainerRemover(DockerClient client, DockerErrors errors) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    void remove(String containerId) {
        try {
            client.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException gone) {
            // already removed: what the caller wanted
        } catch (ConflictException e) {
            if (!DockerErrors.message(e).contains("already in progress")) {
                throw errors.translate(e, "remove container " + containerId);
            }
        } catch (RuntimeException e) {
            throw errors.translate(e, "remove container " + containerId);
        }
    }
}
