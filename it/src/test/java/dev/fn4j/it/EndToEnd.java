package dev.fn4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an end-to-end test class works with: a runtime started for the class with its own admin
 * key, a temp folder for generated projects, and Maven builds logged to
 * {@code target/it-logs/<class>/} that call the runtime with that key. After the
 * class the runtime is stopped with SIGTERM, no container labelled with its id may be left, and
 * the images it loaded for the class's deploys are removed.
 */
final class EndToEnd implements BeforeAllCallback, AfterAllCallback {

    static final Path LOGS = Path.of(System.getProperty("fn4j.it.logs", "target/it-logs"));
    static final String VERSION = System.getProperty("fn4j.it.version", "0.1.0-SNAPSHOT");
    static final String BASE_IMAGE = "docker://" + System.getProperty("fn4j.test.baseImage", "fn4j/jre-base:17");
    private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:"
            + System.getProperty("fn4j.it.archetypePluginVersion", "3.3.1") + ":generate";
    private static final Pattern UPLOADED_IMAGE = Pattern.compile(": image (sha256:[0-9a-f]{64})");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> images = new LinkedHashSet<>();
    private Mvn mvn;
    private RuntimeProcess runtime;
    private Path projects;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path logDir = LOGS.resolve(context.getRequiredTestClass().getSimpleName());
        Projects.deleteTree(logDir);
        Files.createDirectories(logDir);
        mvn = new Mvn(logDir);
        projects = Files.createTempDirectory("fn4j-e2e-projects-");
        runtime = RuntimeProcess.start(logDir.resolve("runtime.log"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            String runtimeId = runtime.runtimeId();
            int exit = runtime.stop(Duration.ofSeconds(60));
            System.out.println("[it] runtime " + runtimeId + " stopped by SIGTERM, exit code " + exit);
            assertThat(Docker.containersLabelled("dev.fn4j.runtime=" + runtimeId))
                    .as("containers of runtime %s left after SIGTERM", runtimeId)
                    .isEmpty();
        } finally {
            runtime.cleanUp();
            Docker.removeImages(images);
            Projects.deleteTree(projects);
        }
    }

    /** The runtime's base URL. */
    String url() {
        return runtime.url();
    }

    /** The runtime's admin key; never to be printed. */
    String adminKey() {
        return runtime.adminKey();
    }

    /** The line Maven prints when a goal of fn-maven-plugin fails on the project with the message. */
    static String goalFailure(String project, String goal, String message) {
        return "[ERROR] Failed to execute goal dev.fn4j:fn-maven-plugin:" + VERSION + ":" + goal
                + " (default-cli) on project " + project + ": " + message + " -> [Help 1]";
    }

    /**
     * {@code mvn archetype:generate} of the locally installed fn4j archetype, as README says;
     * returns the generated project's folder.
     */
    Path generate(String artifactId) {
        mvn.run(
                        projects,
                        "generate-" + artifactId,
                        Map.of(),
                        ARCHETYPE_PLUGIN,
                        "-DarchetypeGroupId=dev.fn4j",
                        "-DarchetypeArtifactId=fn4j-archetype",
                        "-DarchetypeVersion=" + VERSION,
                        "-DgroupId=com.example",
                        "-DartifactId=" + artifactId,
                        "-Dversion=1.0-SNAPSHOT",
                        "-Dpackage=com.example",
                        "-DinteractiveMode=false")
                .assertSucceeded();
        return projects.resolve(artifactId);
    }

    /**
     * {@code mvn <args>} in the project, talking to this runtime ({@code -Dfn.url}) with its admin
     * key ({@code FN4J_API_KEY}) and building on the local base image ({@code -Dfn.baseImage})
     * unless the arguments say otherwise.
     */
    Mvn.Result mvn(Path project, String logName, String... args) {
        return mvnWithKey(adminKey(), project, logName, args);
    }

    /**
     * As {@link #mvn(Path, String, String...)}, with {@code FN4J_API_KEY} set to {@code apiKey};
     * an empty one sets none, hiding any key the environment of the tests has.
     */
    Mvn.Result mvnWithKey(String apiKey, Path project, String logName, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("-Dfn.url="))) {
            all.add("-Dfn.url=" + url());
        }
        if (all.stream().noneMatch(arg -> arg.startsWith("-Dfn.baseImage="))) {
            all.add("-Dfn.baseImage=" + BASE_IMAGE);
        }
        Mvn.Result result = mvn.run(project, logName, Map.of("FN4J_API_KEY", apiKey), all.toArray(String[]::new));
        Matcher uploaded = UPLOADED_IMAGE.matcher(result.output());
        while (uploaded.find()) {
            images.add(uploaded.group(1));
        }
        return result;
    }

    /**
     * POSTs the JSON body to the runtime with the admin key, e.g. to {@code /fn/hello}, and
     * returns the answer.
     */
    HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
