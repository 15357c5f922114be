package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.spec.Field;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each goal declares the parameters it uses, no more: read from the plugin descriptor that
 * maven-plugin-plugin generated into target/classes, as Maven and {@code fn:help} read it.
 */
class GoalParametersTest {

    /**
     * The function and image settings, which only the goals that build an image use: every
     * field of the shared spec has its parameter there.
     */
    private static final List<String> FUNCTION_SETTINGS = Stream.concat(
                    Stream.of("handler", "baseImage", "image", "env"),
                    Field.ALL.stream().map(Field::name))
            .toList();

    private static final List<String> RUNTIME = List.of("url", "serverId");

    /** Goal name to its parameters' names, each with its {@code -D} property expression. */
    private static Map<String, Map<String, String>> goals;

    @BeforeAll
    static void readDescriptor() throws Exception {
        goals = new LinkedHashMap<>();
        try (InputStream in = GoalParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in)
                    .as("plugin.xml; run through Maven, which generates it")
                    .isNotNull();
            Element plugin = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(in)
                    .getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                Map<String, String> parameters = new LinkedHashMap<>();
                NodeList names =
                        ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("name");
                for (int j = 0; j < names.getLength(); j++) {
                    parameters.put(names.item(j).getTextContent(), "");
                }
                NodeList configuration =
                        ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
                for (int j = 0; j < configuration.getLength(); j++) {
                    if (configuration.item(j) instanceof Element value) {
                        parameters.put(value.getTagName(), value.getTextContent());
                    }
                }
                goals.put(text(mojo, "goal"), parameters);
            }
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void keysAndListDeclareOnlyTheRuntime() {
        for (String goal : List.of("keys", "list")) {
            assertThat(goals.get(goal))
                    .as(goal)
                    .doesNotContainKeys(FUNCTION_SETTINGS.toArray(String[]::new))
                    .doesNotContainKeys("name", "functions", "project", "output")
                    .containsKeys(RUNTIME.toArray(String[]::new));
        }
    }

    @Test
    void goalsOnADeployedFunctionDeclareNoFunctionSettings() {
        for (String goal : List.of("invoke", "logs", "delete")) {
            assertThat(goals.get(goal))
                    .as(goal)
                    .doesNotContainKeys(FUNCTION_SETTINGS.toArray(String[]::new))
                    .containsKeys("name", "functions", "url", "serverId");
        }
    }

    @Test
    void buildAndDeployDeclareEveryFunctionSetting() {
        for (String goal : List.of("build", "deploy")) {
            assertThat(goals.get(goal))
                    .as(goal)
                    .containsKeys(FUNCTION_SETTINGS.toArray(String[]::new))
                    .containsKeys("name", "functions");
        }
        assertThat(goals.get("build")).containsKey("output");
        assertThat(goals.get("deploy")).doesNotContainKey("output");
        assertThat(goals.get("deploy")).containsEntry("registry", "${fn.registry}");
        assertThat(goals.get("build")).doesNotContainKey("registry");
    }

    /** A parameter's property: {@code fn.<name>}; fn:run's own, {@code runPort}, are {@code fn.run.port}. */
    private static String property(String name) {
        if (name.startsWith("run") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
            return "fn.run." + Character.toLowerCase(name.charAt(3)) + name.substring(4);
        }
        return "fn." + name;
    }

    @Test
    void runDeclaresTheFunctionSettingsAndItsOwn() {
        assertThat(goals.get("run"))
                .containsKeys(FUNCTION_SETTINGS.toArray(String[]::new))
                .containsEntry("runPort", "${fn.run.port}")
                .containsEntry("runSandbox", "${fn.run.sandbox}")
                .containsEntry("runContainerLabel", "${fn.run.containerLabel}")
                .containsEntry("runRuntimeJar", "${fn.run.runtimeJar}");
    }

    @Test
    void everyParameterKeepsItsPropertyInEveryGoal() {
        for (Map.Entry<String, Map<String, String>> goal : goals.entrySet()) {
            if (goal.getKey().equals("help")) {
                continue;
            }
            assertThat(goal.getValue()).as(goal.getKey()).containsEntry("skip", "${fn.skip}");
            for (Map.Entry<String, String> parameter : goal.getValue().entrySet()) {
                String name = parameter.getKey();
                if (!List.of(
                                "env",
                                "functions",
                                "project",
                                "session",
                                "settings",
                                "plugin",
                                "pluginDescriptor",
                                "repositorySession")
                        .contains(name)) {
                    assertThat(parameter.getValue())
                            .as(goal.getKey() + " " + name)
                            .isEqualTo("${" + property(name) + "}");
                }
            }
        }
    }
}
