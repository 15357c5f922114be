package dev.fn4j.host;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The host's entry point in every function container: reads the FN4J_* environment, loads the
 * handler once, connects to the runtime and serves until the runtime hangs up. Exit codes are
 * those of {@link Exit}.
 */
public final class Main {

    private Main() {}

    /**
     * Runs the host and exits with its code.
     *
     * @param args ignored; the host is configured through its environment
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHandler());
        System.exit(run(System.getenv(), System.err));
    }

    /** Runs the host with the given environment; returns the process exit code. */
    static int run(Map<String, String> env, PrintStream err) {
        try {
            HostConfig config = HostConfig.fromEnv(env);
            Object handler = HandlerLoader.load(config.handler(),
                    Thread.currentThread().getContextClassLoader());
            Invoker invoker = invoker(config, handler, err);
            return new Host(config, invoker, err).run();
        } catch (StartupException e) {
            err.println("fn4j-host: " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode();
        }
    }

    private static Invoker invoker(HostConfig config, Object handler, PrintStream err)
            throws StartupException {
        Contexts contexts = new Contexts(config.functionName(), config.config(), err,
                Clock.systemUTC());
        try {
            return Invoker.forHandler(handler, contexts);
        } catch (RuntimeException | LinkageError e) {
            throw new StartupException(Exit.BAD_HANDLER, "handler " + config.handler()
                    + ": cannot map its input and output types: " + e, e);
        }
    }
}
