package dev.fn4j.maven;

import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionManager;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the functions deployed on the fn4j runtime at {@code fn.url}, one aligned line each:
 * name, revision, live instances, whether the URL is public (needs no API key) and URL; or says
 * that none is deployed. Needs no project.
 */
@Mojo(name = "list", requiresProject = false, threadSafe = true)
public class ListMojo extends AbstractRuntimeMojo {

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        new FunctionManager(runtimeConnection(), output().log()).list();
    }
}
