package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.HandlerInfo.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerScannerTest {

    private static final String IMPORTS = "import dev.fn4j.api.*;\n";

    @TempDir
    static Path work;

    private static Path libraryJar;
    private static Path classes;

    /** One compiled fixture project covering every rule; each test looks at one part of the answer. */
    @BeforeAll
    static void compileFixtures() throws IOException {
        Path libraryClasses = TestSources.compile(
                work.resolve("lib-classes"), Map.of("lib.LibraryBase", "package lib;" + IMPORTS + """
                        public abstract class LibraryBase implements Handler<String, String> {}
                        """), List.of());
        libraryJar = TestSources.jar(work.resolve("library-1.0.jar"), libraryClasses);

        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("app.Direct", "package app;" + IMPORTS + """
                public class Direct implements Handler<String, String> {
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Base", "package app;" + IMPORTS + """
                public abstract class Base implements Handler<String, String> {
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Inherited", "package app; public class Inherited extends Base {}");
        sources.put(
                "app.Greeter",
                "package app;" + IMPORTS + "public interface Greeter extends Handler<String, String> {}");
        sources.put("app.ViaInterface", "package app;" + IMPORTS + """
                public class ViaInterface implements Greeter {
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Web", "package app;" + IMPORTS + """
                public class Web implements HttpHandler {
                    public HttpResponse handle(HttpRequest r, Context c) { return null; }
                }
                """);
        sources.put("app.NeedsArgument", "package app;" + IMPORTS + """
                public class NeedsArgument implements Handler<String, String> {
                    public NeedsArgument(String greeting) {}
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Hidden", "package app;" + IMPORTS + """
                class Hidden implements Handler<String, String> {
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Outer", "package app;" + IMPORTS + """
                public class Outer {
                    public static class Nested implements Handler<String, String> {
                        public String handle(String in, Context c) { return in; }
                    }
                    public class Inner implements Handler<String, String> {
                        public String handle(String in, Context c) { return in; }
                    }
                    Object anonymous = new Handler<String, String>() {
                        public String handle(String in, Context c) { return in; }
                    };
                }
                """);
        sources.put(
                "app.FromLibrary",
                "package app; public class FromLibrary extends lib.LibraryBase {"
                        + " public String handle(String in, dev.fn4j.api.Context c) { return in; } }");
        sources.put("app.Loud", "package app;" + IMPORTS + """
                public class Loud implements Handler<String, String> {
                    static { System.setProperty("fn4j.test.loud", "initialized"); }
                    public String handle(String in, Context c) { return in; }
                }
                """);
        sources.put("app.Plain", """
                package app;
                public class Plain implements Runnable, java.io.Serializable {
                    static final long BIG = 1L << 40; static final double PI = 3.14;
                    public void run() { Runnable r = () -> System.out.println(BIG + PI + "x"); r.run(); }
                }
                """);
        classes = TestSources.compile(work.resolve("classes"), sources, List.of(libraryJar));
    }

    @Test
    void findsConcreteHandlersDirectInheritedAndThroughInterfacesSortedByName() throws IOException {
        assertThat(HandlerScanner.scan(classes, List.of(libraryJar)))
                .containsExactly(
                        new HandlerInfo("app.Direct", Kind.HANDLER),
                        new HandlerInfo("app.FromLibrary", Kind.HANDLER),
                        new HandlerInfo("app.Inherited", Kind.HANDLER),
                        new HandlerInfo("app.Loud", Kind.HANDLER),
                        new HandlerInfo("app.Outer$Nested", Kind.HANDLER),
                        new HandlerInfo("app.ViaInterface", Kind.HANDLER),
                        new HandlerInfo("app.Web", Kind.HTTP_HANDLER));
    }

    @Test
    void reportsWhyHandlerClassesAreNotUsable() throws IOException {
        HandlerScan scan = HandlerScanner.scanDetailed(classes, List.of(libraryJar));

        assertThat(scan.classesDir()).isEqualTo(classes);
        assertThat(scan.rejected())
                .containsExactly(
                        Map.entry("app.Base", "is abstract"),
                        Map.entry("app.Hidden", "is not public"),
                        Map.entry("app.NeedsArgument", "has no public no-argument constructor"),
                        Map.entry("app.Outer$1", "is a local or anonymous class"),
                        Map.entry("app.Outer$Inner", "is an inner class; make it static"));
    }

    @Test
    void aBaseClassOnlyInAMissingDependencyIsNotFollowed() throws IOException {
        assertThat(HandlerScanner.scan(classes, List.of()))
                .extracting(HandlerInfo::className)
                .doesNotContain("app.FromLibrary")
                .contains("app.Direct");
    }

    @Test
    void dependencyDirectoriesWorkLikeJars() throws IOException {
        assertThat(HandlerScanner.scan(classes, List.of(work.resolve("lib-classes"))))
                .extracting(HandlerInfo::className)
                .contains("app.FromLibrary");
    }

    @Test
    void neverRunsStaticInitializers() throws IOException {
        HandlerScanner.scan(classes, List.of(libraryJar));

        assertThat(System.getProperty("fn4j.test.loud")).isNull();
    }

    @Test
    void aDirectoryWithoutHandlersGivesAnEmptyList() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));

        assertThat(HandlerScanner.scan(empty, List.of())).isEmpty();
    }

    @Test
    void aMalformedClassFileIsNamed() throws IOException {
        Path broken = Files.createDirectories(work.resolve("broken/app"));
        Path file = Files.write(
                broken.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});

        assertThatThrownBy(() -> HandlerScanner.scan(work.resolve("broken"), List.of()))
                .isInstanceOfSatisfying(
                        ClassFileException.class, e -> assertThat(e.source()).isEqualTo(file.toString()))
                .hasMessage("cannot read class file " + file + ": truncated class file");
    }

    @Test
    void aMissingClassesDirectoryIsRejected() {
        Path missing = work.resolve("no-such-dir");

        assertThatThrownBy(() -> HandlerScanner.scan(missing, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes directory does not exist: " + missing);
    }
}
