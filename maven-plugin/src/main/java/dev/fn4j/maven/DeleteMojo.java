package dev.fn4j.maven;

import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionManager;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deletes the project's functions from the fn4j runtime at {@code fn.url}, with their instances:
 * the one named by {@code fn.name} (any deployed function), else every {@code <function>} of
 * {@code <functions>}, else the function named after the artifactId. A function the runtime does
 * not have fails the build, after the others are deleted.
 */
@Mojo(name = "delete", threadSafe = true)
public class DeleteMojo extends AbstractFunctionMojo {

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        if (!isNameSet() && isPomProject()) {
            return;
        }
        new FunctionManager(runtimeConnection(), output().log()).delete(projectFunctionNames());
    }
}
