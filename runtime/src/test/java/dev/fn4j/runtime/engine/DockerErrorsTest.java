package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    private final DockerErrors errors = new DockerErrors("unix:///var/run/docker.sock");

    @Test
    void keepsOnlyDockersOwnMessage() {
        DockerException e = new NotFoundException("{\"message\":\"No such image: fn4j/x:1\"}\n");
        assertThat(DockerErrors.message(e)).isEqualTo("No such image: fn4j/x:1");
        assertThat(DockerErrors.message(new DockerException("plain text", 502))).isEqualTo("Status 502: plain text");
    }

    @Test
    void anHttpErrorIsAnEngineExceptionNamingTheAction() {
        EngineException e = errors.translate(
                new ConflictException("{\"message\":\"Conflict. The container name \\\"/a\\\" is already in use\"}"),
                "create container 'a'");
        assertThat(e)
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("could not create container 'a': Conflict. The container name \"/a\" is already in use");
    }

    @Test
    void aTransportFailureMeansTheEngineIsUnavailable() {
        EngineException e = errors.translate(new RuntimeException(new ConnectException("Connection refused")), "ping");
        assertThat(e)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("unix:///var/run/docker.sock")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("start Docker, or set DOCKER_HOST");
        assertThat(errors.translate(new RuntimeException(new IOException("No such file or directory")), "x"))
                .isInstanceOf(EngineUnavailableException.class);
    }

    @Test
    void passesContractExceptionsThroughAndWrapsTheRest() {
        InvalidImageException invalid = new InvalidImageException("bad");
        assertThat(errors.translate(invalid, "load")).isSameAs(invalid);
        assertThat(errors.translate(new IllegalStateException("odd"), "load"))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("could not load: java.lang.IllegalStateException: odd");
    }
}
