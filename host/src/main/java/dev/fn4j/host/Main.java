package dev.fn4j.host;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.StemAssignment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
        BatchedOutput.install();
        PrintStream err = System.err;
        if (System.getenv(Protocol.ENV_CLASS_ARCHIVE) != null
                && !System.getProperty("java.vm.info", "").contains("sharing")) {
            // -Xshare:auto (AppCDS) and -XX:AOTMode=auto (Java 25's AOT cache) start without an archive
            // they refuse (another JRE, a damaged file); a mapped one of either kind says "sharing".
            err.println("fn4j-host: the JVM refused the class-data archive; starting without class-data sharing");
        }
        if (System.getenv(Protocol.ENV_CLASS_TRAINING) != null) {
            JsonTraining.run(err);
        }
        String classPath =
                functionClassPath(System.getenv(Protocol.ENV_CLASS_PATH), System.getProperty("java.class.path"));
        if (System.getenv(StemAssignment.ENV_STEM) != null) {
            classPath = awaitFunction(err);
        }
        LogRouter router = LogRouter.install(System.out, err);
        // Set before any thread starts, so that every connection thread inherits it.
        Thread.currentThread()
                .setContextClassLoader(FunctionClassLoader.fromClassPath(
                        classPath, FunctionClassLoader.hostLocation(), Main.class.getClassLoader()));
        System.exit(run(System.getenv(), err, router));
    }

    /**
     * A stem's wait for its function: puts the assignment's variables into the environment and
     * returns the function's class path; exits when there is no usable assignment, so that the
     * runtime, waiting for a Hello, sees the container stop.
     */
    private static String awaitFunction(PrintStream err) {
        StemWarmUp.run(err);
        try {
            StemAssignment assignment = StemWait.await(Path.of(Protocol.CONTAINER_SOCKET_DIR));
            ProcessEnv.putAll(assignment.env());
            return assignment.classPath();
        } catch (IOException | IllegalStateException e) {
            err.println("fn4j-host: no function for this stem: " + e.getMessage());
            System.exit(Exit.BAD_HANDLER);
        } catch (InterruptedException e) {
            System.exit(Exit.CONNECTION_FAILED);
        }
        throw new AssertionError("unreachable");
    }

    /**
     * The function's class path: the runtime's {@link Protocol#ENV_CLASS_PATH} when it moved the
     * class path out of the JVM's (for an AOT cache), else the JVM's own.
     */
    static String functionClassPath(String fromRuntime, String jvmClassPath) {
        return fromRuntime == null || fromRuntime.isBlank() ? jvmClassPath : fromRuntime;
    }

    /** Runs the host with the given environment and no routing of System.out and System.err. */
    static int run(Map<String, String> env, PrintStream err) {
        return run(env, err, new LogRouter());
    }

    /**
     * Runs the host with the given environment and the context class loader as the function's
     * loader; returns the process exit code.
     *
     * @param err the real stderr: host messages and logger lines, never a routed stream
     * @param router routes System.out and System.err to each call's log
     */
    static int run(Map<String, String> env, PrintStream err, LogRouter router) {
        HostConfig config;
        try {
            config = HostConfig.fromEnv(env);
        } catch (StartupException e) {
            return fail(e, err);
        }
        Invoker invoker;
        try {
            Object handler =
                    HandlerLoader.load(config.handler(), Thread.currentThread().getContextClassLoader());
            invoker = invoker(config, handler, err);
        } catch (StartupException e) {
            int code = fail(e, err);
            // The runtime waits for a Hello; tell it why none comes, so the deploy can say so.
            StartupReport.send(config, e);
            return code;
        }
        return new Host(config, invoker, router, err).run();
    }

    private static int fail(StartupException e, PrintStream err) {
        err.println("fn4j-host: " + e.getMessage());
        if (e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        return e.exitCode();
    }

    private static Invoker invoker(HostConfig config, Object handler, PrintStream err) throws StartupException {
        Contexts contexts = new Contexts(config.functionName(), config.config(), err, Clock.systemUTC());
        try {
            return RequestIdTagging.wrap(
                    Invoker.forHandler(handler, contexts), handler.getClass().getClassLoader());
        } catch (RuntimeException | LinkageError e) {
            throw new StartupException(
                    Exit.BAD_HANDLER,
                    "handler " + config.handler() + ": cannot map its input and output types: " + describe(e),
                    e);
        }
    }

    /** The error's class and message, without the class when it is one of the host's relocated libraries. */
    private static String describe(Throwable e) {
        return e.getClass().getName().startsWith("dev.fn4j.host.shaded.")
                ? String.valueOf(e.getMessage())
                : e.toString();
    }
}
