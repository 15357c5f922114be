package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Checks the packaged jar: Jackson relocated, the API not, nothing that breaks on a classpath. */
class ShadedJarIT {

    private static List<String> entries() throws Exception {
        try (JarFile jar = new JarFile(FakeRuntime.hostJar().toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void noClassUnderComFasterxmlAnywhere() throws Exception {
        assertThat(entries()).noneMatch(name -> name.contains("com/fasterxml"));
    }

    @Test
    void jacksonIsRelocatedUnderTheHostPackage() throws Exception {
        assertThat(entries())
                .contains(
                        "dev/fn4j/host/shaded/jackson/databind/ObjectMapper.class",
                        "dev/fn4j/host/shaded/jackson/core/JsonFactory.class",
                        "dev/fn4j/host/shaded/jackson/datatype/jsr310/JavaTimeModule.class",
                        "dev/fn4j/host/shaded/jackson/datatype/jdk8/Jdk8Module.class");
    }

    @Test
    void apiAndProtocolAreIncludedUnrelocated() throws Exception {
        assertThat(entries())
                .contains(
                        "dev/fn4j/api/Handler.class",
                        "dev/fn4j/api/HttpHandler.class",
                        "dev/fn4j/protocol/FrameCodec.class",
                        "dev/fn4j/host/Main.class");
    }

    @Test
    void noModuleInfoSignaturesOrVersionedClasses() throws Exception {
        assertThat(entries())
                .noneMatch(name -> name.endsWith("module-info.class")
                        || name.startsWith("META-INF/versions/")
                        || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }

    @Test
    void serviceFilesNameRelocatedClasses() throws Exception {
        try (JarFile jar = new JarFile(FakeRuntime.hostJar().toFile())) {
            List<String> services = jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                    .toList();
            assertThat(services).isNotEmpty().allMatch(name -> name.startsWith("META-INF/services/dev.fn4j."));
            for (String name : services) {
                String content =
                        new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(content).doesNotContain("com.fasterxml");
            }
        }
    }

    @Test
    void manifestNamesTheMainClass() throws Exception {
        try (JarFile jar = new JarFile(FakeRuntime.hostJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.fn4j.host.Main");
        }
    }

    @Test
    void reducedPomDeclaresNoRuntimeDependencies() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new File(System.getProperty("fn4j.host.reducedPom")));
        Element project = pom.getDocumentElement();
        NodeList dependencies = project.getElementsByTagName("dependency");

        assertThat(project.getElementsByTagName("artifactId").item(1).getTextContent())
                .isEqualTo("fn4j-host");
        assertThat(dependencies.getLength()).isPositive();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String artifact =
                    dependency.getElementsByTagName("artifactId").item(0).getTextContent();
            assertThat(dependency.getElementsByTagName("scope").item(0))
                    .as("scope of " + artifact)
                    .isNotNull()
                    .extracting(Node::getTextContent)
                    .isEqualTo("test");
        }
    }
}
