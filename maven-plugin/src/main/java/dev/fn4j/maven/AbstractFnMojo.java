package dev.fn4j.maven;

import dev.fn4j.maven.core.ApiKey;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.GoalOutput;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every fn goal does around its work: skipping, turning the core's failures into Maven's
 * (a {@link FnFailureException}, the user's settings or function at fault, into a
 * {@link MojoFailureException}; a {@link FnExecutionException}, the infrastructure, into a
 * {@link MojoExecutionException}), and blanking the API key out of everything printed.
 *
 * <p>The goals' parameters come in groups, one base class each, because Maven injects the
 * {@code @Parameter} fields (and {@code -D} properties) of a mojo and its superclasses only:
 * {@link AbstractRuntimeMojo} adds the runtime and its API key, {@link AbstractFunctionMojo}
 * the project's functions by name, {@link AbstractImageMojo} the function settings and the image.
 */
public abstract class AbstractFnMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "fn.skip", defaultValue = "false")
    private boolean skip;

    /** The API key once a goal found one; null before. Its value is blanked out of every message. */
    private ApiKey apiKey;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: fn.skip is true.");
            return;
        }
        try {
            run();
        } catch (FnFailureException e) {
            throw new MojoFailureException(redact(e.getMessage()), causeToShow(e));
        } catch (FnExecutionException e) {
            throw new MojoExecutionException(redact(e.getMessage()), causeToShow(e));
        }
    }

    /** What the goal does once it is known not to be skipped. */
    protected abstract void run() throws FnFailureException, FnExecutionException;

    /**
     * Maven appends every cause's message to the one it prints, which would bury ours (already
     * complete) under the client's and Jib's. So the cause is only attached with {@code -X},
     * and logged at debug level; never when any message in it holds the API key.
     */
    private Throwable causeToShow(Exception e) {
        if (!getLog().isDebugEnabled()) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (apiKey != null && (apiKey.appearsIn(t.getMessage()) || apiKey.appearsIn(t.toString()))) {
                getLog().debug("The failure's cause is left out: it holds the API key.");
                return null;
            }
        }
        getLog().debug(e);
        return e;
    }

    /** From now on, blanks {@code key} out of every message the goal prints. */
    protected final void redactFromNowOn(ApiKey key) {
        this.apiKey = key;
    }

    /** {@code text} with the API key, if any is known, blanked out. */
    protected final String redact(String text) {
        return apiKey == null ? text : apiKey.redact(text);
    }

    /** Where the goal reports: Maven's log, with the API key blanked out, and standard output. */
    protected final GoalOutput output() {
        return new GoalOutput(new MavenGoalLog(getLog(), this::redact), System.out);
    }
}
