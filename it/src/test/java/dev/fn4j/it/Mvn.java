package dev.fn4j.it;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs {@code mvn} through Maven Invoker as a user types it: batch mode, {@code -ntp}, the
 * user's local repository (where {@code mvn install} put this build's plugin and archetype).
 * Each build's output goes to its own numbered log file in the log directory.
 */
final class Mvn {

    private static final File MAVEN_HOME = new File(required("maven.home"));
    private static final File LOCAL_REPOSITORY = new File(System.getProperty(
            "fn4j.it.localRepository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    private static final boolean OFFLINE = Boolean.parseBoolean(System.getProperty("fn4j.it.offline", "true"));
    /**
     * Terminal codes: Debian's Maven 3.8.7 writes "ESC[0m" resets even with -B -q into a pipe,
     * before the first line it prints and as a last line of its own. They show as nothing.
     */
    private static final Pattern TERMINAL_CODE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final Path logDir;
    private int builds;

    /** Builds that log into {@code logDir}. */
    Mvn(Path logDir) {
        this.logDir = logDir;
    }

    /**
     * Runs {@code mvn <args>} in {@code dir}. Arguments are written as on the command line:
     * goals and phases, {@code -Dname=value}, {@code -q}, {@code -X} and {@code -s <settings.xml>}.
     *
     * @param logName names the log file, e.g. {@code deploy}
     * @param environment variables set for the build, over those it inherits
     */
    Result run(Path dir, String logName, Map<String, String> environment, String... args) {
        List<String> goals = new ArrayList<>();
        Properties properties = new Properties();
        boolean quiet = false;
        boolean debug = false;
        File userSettings = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-D")) {
                int eq = arg.indexOf('=');
                properties.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (arg.equals("-q")) {
                quiet = true;
            } else if (arg.equals("-X")) {
                debug = true;
            } else if (arg.equals("-s")) {
                userSettings = new File(args[++i]);
            } else {
                goals.add(arg);
            }
        }
        Path log = logDir.resolve(String.format("%02d-%s.log", ++builds, logName));
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(dir.toFile())
                .setGoals(goals)
                .setProperties(properties)
                .setQuiet(quiet)
                .setDebug(debug)
                .setUserSettingsFile(userSettings)
                .setBatchMode(true)
                .setNoTransferProgress(true)
                .setOffline(OFFLINE)
                .setJavaHome(new File(System.getProperty("java.home")))
                .setLocalRepositoryDirectory(LOCAL_REPOSITORY);
        request.setTimeoutInSeconds(900);
        environment.forEach(request::addShellEnvironment);
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            out.write("# mvn " + String.join(" ", args) + "   (in " + dir + ")\n");
            request.setOutputHandler(line -> {
                String visible = TERMINAL_CODE.matcher(line).replaceAll("");
                if (!visible.isEmpty() || line.isEmpty()) {
                    stdout.add(visible);
                    write(out, visible);
                }
            });
            request.setErrorHandler(
                    line -> write(out, TERMINAL_CODE.matcher(line).replaceAll("")));
            InvocationResult result =
                    new DefaultInvoker().setMavenHome(MAVEN_HOME).execute(request);
            if (result.getExecutionException() != null) {
                throw new AssertionError("Cannot run mvn " + String.join(" ", args), result.getExecutionException());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            out.flush();
            return new Result(String.join(" ", args), result.getExitCode(), List.copyOf(stdout), log, took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MavenInvocationException e) {
            throw new AssertionError("Cannot run mvn " + String.join(" ", args), e);
        }
    }

    private static void write(BufferedWriter out, String line) {
        try {
            synchronized (out) {
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the"
                    + " tests through Maven (failsafe passes it).");
        }
        return value;
    }

    /**
     * One finished build.
     *
     * @param command the arguments, for messages
     * @param exitCode mvn's exit code
     * @param stdout the lines mvn wrote to standard output (its log, or only the answer with -q),
     *     without terminal codes
     * @param log the file holding everything it printed
     * @param took the build's wall time
     */
    record Result(String command, int exitCode, List<String> stdout, Path log, Duration took) {

        /** Everything the build printed. */
        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Fails the test, showing the log's tail, unless the build succeeded. */
        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError(describe("failed with exit code " + exitCode));
            }
            return this;
        }

        /** Fails the test, showing the log's tail, unless the build failed printing {@code line}. */
        Result assertFailedWith(String line) {
            if (exitCode == 0) {
                throw new AssertionError(describe("succeeded, but should have failed"));
            }
            if (!output().contains(line)) {
                throw new AssertionError(describe("failed, but its log lacks the line\n  " + line));
            }
            return this;
        }

        /** What went wrong, the log file's name and its last lines. */
        String describe(String what) {
            List<String> lines = output().lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
            return "mvn " + command + " " + what + "\n--- last lines of " + log + " ---\n" + String.join("\n", tail);
        }
    }
}
