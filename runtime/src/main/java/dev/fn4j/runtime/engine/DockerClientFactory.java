package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;
import java.util.Objects;

/** Opens docker-java clients with the engine's timeouts, from the environment as Docker reads it. */
final class DockerClientFactory {

    /** A local engine accepts a connection in milliseconds; seconds mean it is not there. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The longest silence tolerated on a response. Long calls stream progress (load) or are cut
     * into shorter slices by the caller (wait), so this only catches an engine that hangs.
     */
    static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    /** Each waiting awaitStopped call holds one connection; leave room for everything else. */
    static final int MAX_CONNECTIONS = 128;

    private DockerClientFactory() {}

    /**
     * The configuration Docker's own CLI would use: DOCKER_HOST (default
     * unix:///var/run/docker.sock), DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG.
     */
    static DockerClientConfig environmentConfig() {
        try {
            return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        } catch (RuntimeException e) {
            throw new EngineException(
                    "the Docker configuration is invalid (DOCKER_HOST is '" + System.getenv("DOCKER_HOST") + "'): "
                            + e.getMessage(),
                    e);
        }
    }

    static DockerClient open(DockerClientConfig config) {
        Objects.requireNonNull(config, "config");
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
