package dev.fn4j.runtime;

import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.store.StoreException;

/**
 * Starts the runtime: {@code java -jar fn4j-runtime.jar --port 8080 --data-dir DIR}. Stops
 * gracefully on SIGTERM or Ctrl-C.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.parse(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("fn4j: " + e.getMessage());
            System.exit(64);
            return;
        }
        try {
            FnRuntime runtime = FnRuntime.start(config, DockerContainerEngine.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "fn4j-shutdown"));
        } catch (EngineException e) {
            System.err.println("fn4j: cannot use the container engine: " + e.getMessage());
            System.exit(69);
        } catch (StoreException e) {
            System.err.println("fn4j: " + e.getMessage());
            System.exit(69);
        } catch (ConfigException e) {
            System.err.println("fn4j: " + e.getMessage());
            System.exit(64);
        } catch (Exception e) {
            System.err.println("fn4j: cannot start: " + e);
            System.exit(70);
        }
    }
}
