package dev.fn4j.maven;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.InvocationResponse;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.maven.core.AsyncCaller;
import dev.fn4j.maven.core.Elapsed;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionCaller;
import dev.fn4j.maven.core.GoalOutput;
import dev.fn4j.maven.core.InvocationInput;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Calls a deployed function and prints its answer, as it came, to standard output; with
 * {@code mvn -q} the answer is all that is printed, so it can be piped. A failed call fails the
 * build with the runtime's error code and message. With {@code -Dfn.async=true} the call is
 * queued ({@code Prefer: respond-async}): the goal logs the invocation id and each state change,
 * from the invocation's event stream (or by asking, if the stream breaks), then prints the result
 * the same way; a failed or timed-out invocation fails the build.
 */
@Mojo(name = "invoke", threadSafe = true)
public class InvokeMojo extends AbstractFunctionMojo {

    /** The input to send, as text, e.g. {@code -Dfn.data='{"name":"Ada"}'}. */
    @Parameter(property = "fn.data")
    private String data;

    /** A file whose bytes are the input to send, relative to the project directory. */
    @Parameter(property = "fn.file")
    private String file;

    /**
     * The input's media type. Unset: {@code application/json} for JSON input (or a
     * {@code .json} file), else text for {@code fn.data} and bytes for {@code fn.file}.
     */
    @Parameter(property = "fn.contentType")
    private String contentType;

    /**
     * Invokes asynchronously: the runtime queues the call and answers with an invocation id at
     * once; the goal then follows the invocation to its end.
     */
    @Parameter(property = "fn.async", defaultValue = "false")
    private boolean async;

    /**
     * With {@code fn.async}, how long the goal waits for the invocation to end: {@code <n>ms},
     * {@code <n>s} or {@code <n>m}, from 1ms to 1440m, e.g. 30m. The invocation goes on in the
     * runtime when the wait is over; the goal fails, naming its id.
     */
    @Parameter(property = "fn.asyncWait", defaultValue = "15m")
    private String asyncWait;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        String name = invocationName();
        Duration wait = async ? AsyncCaller.parseWait(asyncWait) : null;
        InvocationInput input = InvocationInput.of(
                data, file, contentType, project().getBasedir().toPath());
        GoalOutput out = output();
        if (input.isEmpty()) {
            out.log().info("No -Dfn.data or -Dfn.file: invoking " + name + " with an empty input.");
        }
        long start = System.nanoTime();
        if (async) {
            Invocation invocation = new AsyncCaller(runtimeConnection(), out.log()).call(name, input, wait);
            out.answered(name, invocation, Elapsed.since(start));
            return;
        }
        InvocationResponse response;
        try {
            response = new FunctionCaller(runtimeConnection()).call(name, input);
        } catch (FnFailureException e) {
            if (e.getCause() instanceof RuntimeApiException api && api.stackTrace() != null) {
                getLog().error("The function's stack trace:" + System.lineSeparator() + redact(api.stackTrace()));
            }
            throw e;
        }
        out.answered(name, response, Elapsed.since(start));
    }
}
