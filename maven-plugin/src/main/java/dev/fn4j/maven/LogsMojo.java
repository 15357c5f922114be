package dev.fn4j.maven;

import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.InvocationHistory;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows the last invocations of the function ({@code fn.name}, else the only
 * {@code <function>}, else the artifactId's), newest last: when it was queued, its status,
 * duration, cold or warm start and id; then its revision and times, its error, and the lines the
 * function logged, indented.
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends AbstractFunctionMojo {

    /** How many of the last invocations to show, 1 to 100. */
    @Parameter(property = "fn.limit", defaultValue = "10")
    private String limit;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        int count = InvocationHistory.parseLimit(limit);
        String name = invocationName();
        new InvocationHistory(runtimeConnection(), output().log()).show(name, count);
    }
}
