package dev.fn4j.runtime.engine;

import java.util.Map;
import java.util.ServiceLoader;

/** Opens the engine {@code --engine} names: Docker built in, others from their own jars. */
public final class Engines {

    /** The built-in engine and the default. */
    public static final String DOCKER = "docker";

    public static final String KUBERNETES = "kubernetes";

    private Engines() {}

    /**
     * Opens the named engine.
     *
     * @throws EngineException when no engine of that name is on the class path, saying which jar
     *     brings it
     */
    public static ContainerEngine open(String name, Map<String, String> env, ClassLoader loader) {
        if (DOCKER.equals(name)) {
            return DockerContainerEngine.fromEnvironment();
        }
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, loader)) {
            if (provider.name().equals(name)) {
                return provider.open(env);
            }
        }
        if (KUBERNETES.equals(name)) {
            throw new EngineException("the Kubernetes engine is not on the class path: start the runtime"
                    + " with fn4j-runtime-kubernetes.jar next to it, e.g. java -cp"
                    + " fn4j-runtime-kubernetes.jar:fn4j-runtime.jar dev.fn4j.runtime.Main --engine kubernetes");
        }
        throw new EngineException(
                "unknown engine '" + name + "': --engine (or FN4J_ENGINE) must be " + DOCKER + " or " + KUBERNETES);
    }
}
