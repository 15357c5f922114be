package dev.fn4j.maven;

import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.FunctionOptions;
import dev.fn4j.maven.core.FunctionSettings;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters of the goals that work on the project's functions: which function
 * ({@code fn.name}) and the project's {@code <functions>}, whose names the goals choose from.
 */
public abstract class AbstractFunctionMojo extends AbstractRuntimeMojo {

    /**
     * The function's name: 1 to 63 lower-case letters, digits and '-', starting with a letter
     * and not ending with '-'. Defaults to the project's artifactId. With {@code <functions>},
     * names the one function to deploy or invoke; unset, {@code fn:deploy} deploys them all.
     */
    @Parameter(property = "fn.name")
    private String name;

    /**
     * Several functions deployed from the project's one image, each a {@code <function>} with
     * its own {@code <name>} and usually its own {@code <handler>}, and optionally its own
     * {@code <timeout>}, {@code <memory>}, {@code <tmpSize>}, {@code <cpus>}, {@code <concurrency>}, {@code <env>},
     * {@code <minInstances>}, {@code <maxInstances>}, {@code <idleTimeout>}, {@code <maxQueue>},
     * {@code <rateLimit>} and {@code <public>}; the top-level settings are their defaults. Set in
     * the pom only.
     */
    @Parameter
    private List<Function> functions;

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The project being built. */
    protected final MavenProject project() {
        return project;
    }

    /** Whether the project is an aggregator or parent, which holds no function; says so. */
    protected final boolean isPomProject() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping: the project's packaging is pom, so it has no function.");
            return true;
        }
        return false;
    }

    /** The function {@code fn:invoke} and {@code fn:logs} work on. */
    protected final String invocationName() throws FnFailureException {
        return FunctionSettings.invocationName(name, entries(), project.getArtifactId());
    }

    /** The functions {@code fn:delete} removes: {@code fn.name}, else the project's. */
    protected final List<String> projectFunctionNames() throws FnFailureException {
        return FunctionSettings.projectNames(name, entries(), project.getArtifactId());
    }

    /** Whether {@code fn.name} (or {@code <name>}) is set. */
    protected final boolean isNameSet() {
        return name != null && !name.isBlank();
    }

    /** {@code fn.name} as the user wrote it, or null. */
    protected final String name() {
        return name;
    }

    /** The entries of {@code <functions>}, unchecked; empty when it is not set. */
    protected final List<FunctionOptions> entries() {
        return functions == null
                ? List.of()
                : functions.stream().map(Function::toOptions).toList();
    }
}
