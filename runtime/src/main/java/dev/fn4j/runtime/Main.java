package dev.fn4j.runtime;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.Engines;
import dev.fn4j.runtime.engine.InProcessEngine;
import dev.fn4j.runtime.log.LogSetup;
import dev.fn4j.runtime.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
            // Before the log format is known: a plain line, as for any command-line error.
            System.err.println("fn4j: " + e.getMessage());
            System.exit(64);
            return;
        }
        // Before anything starts, so every library's first line is already in the chosen format.
        LogSetup.use(config.logFormat());
        Logger log = LoggerFactory.getLogger(Main.class);
        IdleHeap.tune(log);
        try {
            FnRuntime runtime = FnRuntime.start(config, engine(config, log));
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "fn4j-shutdown"));
            ParentWatch.stopWhenGone(config.parentPid(), log);
        } catch (EngineException e) {
            log.error("cannot use the container engine: {}", e.getMessage());
            System.exit(69);
        } catch (StoreException e) {
            log.error("{}", e.getMessage());
            System.exit(69);
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            System.exit(64);
        } catch (Exception e) {
            // Unexpected: the stack trace is what a bug report needs.
            log.error("cannot start: {}", e.toString(), e);
            System.exit(70);
        }
    }

    /** The engine {@code --engine} names; the in-process one warns, loudly, that nothing is isolated. */
    private static ContainerEngine engine(RuntimeConfig config, Logger log) {
        if (config.engine().equals(RuntimeConfig.IN_PROCESS_ENGINE)) {
            InProcessEngine.WARNING.forEach(log::warn);
            return new InProcessEngine(config.dataDir().resolve("in-process"));
        }
        return Engines.open(config.engine(), System.getenv(), Main.class.getClassLoader());
    }
}
