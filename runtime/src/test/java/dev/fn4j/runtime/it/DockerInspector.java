package dev.fn4j.runtime.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.Map;

/** A plain docker-java client for tests that inspect what the runtime created. */
final class DockerInspector {

    private static final DockerClient CLIENT = client();

    private DockerInspector() {}

    static InspectContainerResponse inspect(String containerId) {
        return CLIENT.inspectContainerCmd(containerId).exec();
    }

    static Map<String, String> labels(String containerId) {
        return inspect(containerId).getConfig().getLabels();
    }

    /** Ids of every container, running or not, carrying all these labels. */
    static java.util.List<String> withLabels(Map<String, String> labels) {
        return CLIENT.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                .map(c -> c.getId())
                .toList();
    }

    /** Removes a container a test started, running or not. */
    static void remove(String containerId) {
        CLIENT.removeContainerCmd(containerId).withForce(true).exec();
    }

    private static DockerClient client() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
