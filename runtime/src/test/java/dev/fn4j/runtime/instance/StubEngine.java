package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.LoadedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An engine that holds no image and no container; a test overrides the part it plays. */
abstract class StubEngine implements ContainerEngine {

    @Override
    public String start(InstanceSpec spec) {
        throw new UnsupportedOperationException("this test starts no container");
    }

    @Override
    public ContainerState inspect(String containerId) {
        return null;
    }

    @Override
    public ContainerState awaitStopped(String containerId, Duration timeout) {
        return null;
    }

    @Override
    public void ping() {}

    @Override
    public LoadedImage loadImage(Path archive) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int reusableLayers(List<String> diffIds) {
        return 0;
    }

    @Override
    public LoadedImage findImage(String imageRef) {
        return null;
    }

    @Override
    public void remove(String containerId) {}

    @Override
    public List<String> logTail(String containerId, int lines) {
        return List.of();
    }

    @Override
    public List<String> listByLabel(String label, String value) {
        return List.of();
    }

    @Override
    public void close() {}
}
