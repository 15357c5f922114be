package dev.fn4j.runtime.engine;

import java.util.Map;

/**
 * A container engine that lives in its own jar (Kubernetes, in fn4j-runtime-kubernetes), found
 * through {@link java.util.ServiceLoader} when {@code --engine} names it, so that its client
 * library stays off the runtime's default class path.
 */
public interface EngineProvider {

    /** The {@code --engine} value that selects it, such as {@code kubernetes}. */
    String name();

    /**
     * Opens the engine with settings read from the runtime's environment (its {@code FN4J_*}
     * variables); connects lazily, like {@link DockerContainerEngine#fromEnvironment()}.
     */
    ContainerEngine open(Map<String, String> env);
}
