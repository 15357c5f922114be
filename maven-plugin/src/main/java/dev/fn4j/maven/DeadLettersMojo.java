package dev.fn4j.maven;

import dev.fn4j.maven.core.DeadLetterManager;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the dead letters of the function ({@code fn.name}, else the only {@code <function>},
 * else the artifactId's): its asynchronous calls whose retries ran out, oldest first. With
 * {@code -Dfn.redrive=<id>} or {@code -Dfn.redrive=all} runs one or all again with their original
 * input; with {@code -Dfn.purge=true} deletes them. Needs an admin key.
 */
@Mojo(name = "dead-letters", threadSafe = true)
public class DeadLettersMojo extends AbstractFunctionMojo {

    /** An invocation id to run again, or {@code all}; unset, the dead letters are listed. */
    @Parameter(property = "fn.redrive")
    private String redrive;

    /** {@code true} deletes the function's dead letters. */
    @Parameter(property = "fn.purge")
    private String purge;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        DeadLetterManager.Action action = DeadLetterManager.action(redrive, purge);
        new DeadLetterManager(runtimeConnection(), output().log()).run(invocationName(), action);
    }
}
