package dev.fn4j.maven;

import dev.fn4j.maven.core.BuildInputs;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.ImageNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * What the image build takes from the Maven project and this plugin: the classes directory, the
 * runtime dependencies in class path order, the project's coordinates (for the default image name
 * and the image labels) and the fn4j-host jar every image carries.
 */
final class ProjectInputs {

    private static final String HOST_ARTIFACT = "dev.fn4j:fn4j-host";

    private final MavenProject project;
    private final PluginDescriptor plugin;

    ProjectInputs(MavenProject project, PluginDescriptor plugin) {
        this.project = project;
        this.plugin = plugin;
    }

    /**
     * The build's inputs, with the user's image settings as they wrote them.
     *
     * @param baseImage {@code fn.baseImage}
     * @param output {@code fn.output}
     * @param image {@code fn.image}, or null for the default name
     */
    BuildInputs buildInputs(String baseImage, String output, String image) throws FnExecutionException {
        Path target = Path.of(project.getBuild().getDirectory());
        return new BuildInputs(
                project.getBasedir().toPath(),
                Path.of(project.getBuild().getOutputDirectory()),
                dependencies(),
                hostJar(),
                baseImage,
                output,
                image,
                ImageNames.defaultName(project.getArtifactId(), project.getVersion()),
                target.resolve("fn").resolve("image.tar"),
                labels());
    }

    /** The runtime class path: no test or provided dependencies, nor ones not on a class path. */
    private Map<String, Path> dependencies() {
        Map<String, Path> dependencies = new LinkedHashMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getArtifactHandler().isAddedToClasspath()
                    && !Artifact.SCOPE_TEST.equals(artifact.getScope())
                    && !Artifact.SCOPE_PROVIDED.equals(artifact.getScope())) {
                dependencies.put(
                        artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion(),
                        artifact.getFile() == null ? null : artifact.getFile().toPath());
            }
        }
        return dependencies;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", project.getArtifactId());
        labels.put("org.opencontainers.image.version", project.getVersion());
        return labels;
    }

    private Path hostJar() throws FnExecutionException {
        Artifact host = plugin.getArtifactMap().get(HOST_ARTIFACT);
        if (host == null || host.getFile() == null) {
            throw new FnExecutionException(
                    "fn-maven-plugin " + plugin.getVersion()
                            + " has no " + HOST_ARTIFACT + " dependency to put into the image;"
                            + " the plugin's installation is broken: reinstall it.",
                    null);
        }
        return host.getFile().toPath();
    }
}
