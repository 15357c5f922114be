package dev.fn4j.maven.core;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.InvocationResponse;
import dev.fn4j.image.BuiltImage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * How the goals show their results: summaries as log lines, and a result the user may pipe (a
 * function's answer, a new API key) as its bytes alone on standard output, so that with
 * {@code mvn -q} they are all that is printed. Progress goes to {@link #log()} directly.
 */
public final class GoalOutput {

    private static final String ANSWER = "the function's answer";

    /** Where summaries and progress go; redacts what the goal must not print. */
    private final GoalLog log;
    /** Where results go as they are; never anything else. */
    private final PrintStream out;

    public GoalOutput(GoalLog log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    /** The log, for progress lines. */
    public GoalLog log() {
        return log;
    }

    /** Summarizes an {@code fn:build}: the image, where it went and the functions it serves. */
    public void built(BuildResult result, BuildInputs inputs) {
        BuiltImage image = result.image();
        log.info("Built image " + image.imageName() + " in " + Elapsed.format(result.took()));
        log.info("  digest:   " + image.digest());
        log.info("  image id: " + image.imageId());
        if (image.tarFile() != null) {
            log.info("  archive:  " + inputs.display(image.tarFile()));
        } else if (inputs.output() != null
                && "docker".equalsIgnoreCase(inputs.output().strip())) {
            log.info("  loaded into the local Docker engine");
        } else {
            log.info("  pushed to " + image.imageName());
        }
        for (ChosenFunction function : result.functions()) {
            log.info("  function: " + function.name() + " -> "
                    + function.handler().className());
        }
    }

    /** Says an {@code fn:deploy}'s image is built, before it is uploaded. */
    public void builtForDeploy(BuildResult build) {
        log.info("Built image " + build.image().imageName() + " ("
                + build.image().digest() + ") in " + Elapsed.format(build.took()));
    }

    /** Summarizes an {@code fn:deploy}: each function's revision and URL, then the total. */
    public void deployed(List<DeployedFunction> deployed, Duration took) {
        for (DeployedFunction function : deployed) {
            log.info("Deployed " + function.name() + " revision " + function.revision()
                    + (function.created() ? " (new function)" : "") + " in "
                    + Elapsed.format(function.took()) + ": " + function.url()
                    + (function.publicTrigger() ? " (public: no API key needed)" : ""));
        }
        log.info("Deployed " + deployed.size() + (deployed.size() == 1 ? " function" : " functions") + " in "
                + Elapsed.format(took) + ".");
    }

    /** Shows a direct call's answer: a line on how it went, then the body on standard output. */
    public void answered(String name, InvocationResponse response, Duration took) throws FnExecutionException {
        log.info(name + " answered in " + Elapsed.format(took)
                + (response.coldStart() ? " (cold start)" : "")
                + (response.requestId() != null ? ", request id " + response.requestId() : "") + ":");
        print(response.body(), ANSWER);
    }

    /** Shows a finished asynchronous invocation's result, the way {@link #answered} does. */
    public void answered(String name, Invocation invocation, Duration took) throws FnExecutionException {
        log.info(name + " answered in " + Elapsed.format(took)
                + (Boolean.TRUE.equals(invocation.coldStart()) ? " (cold start)" : "")
                + ", invocation id " + invocation.id() + ":");
        print(invocation.result() == null ? new byte[0] : invocation.result(), ANSWER);
    }

    /**
     * Writes {@code bytes} as they are to standard output, not to the log, ending with a line
     * break so the next log line starts clean.
     *
     * @param what what the bytes are, for the failure, e.g. {@code the new API key}
     */
    public void print(byte[] bytes, String what) throws FnExecutionException {
        out.write(bytes, 0, bytes.length);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            out.write('\n');
        }
        out.flush();
        if (out.checkError()) {
            throw new FnExecutionException("Cannot write " + what + " to standard output.", null);
        }
    }
}
