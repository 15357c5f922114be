package dev.fn4j.runtime.source.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.SourceRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoBuilderTest {

    @TempDir
    Path root;

    private final GoBuilder builder =
            new GoBuilder("fn4j/go-toolchain:1.19", "fn4j/static-base:1", Path.of("unused-cache"), Map.of(), tar -> {
                throw new AssertionError("no image is built here");
            });

    private static final String HANDLE =
            "package hello\n\nimport \"context\"\n\nfunc Handle(ctx context.Context, in string) (string, error) {\n"
                    + "\treturn in, nil\n}\n";

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void recognisesAPackageAtTheTopDefiningHandle() throws Exception {
        write("hello.go", HANDLE);

        assertThat(builder.recognises(root, null)).isTrue();
        assertThat(builder.recognises(root, "hello")).isTrue();
        assertThat(builder.recognises(root, "other")).isFalse();
        assertThat(builder.language()).isEqualTo("go");
    }

    @Test
    void testFilesAndOtherFunctionsAreNotRecognised() throws Exception {
        write("hello_test.go", HANDLE);
        write("other.go", "package hello\n\nfunc handle() {}\n");

        assertThat(builder.recognises(root, null)).isFalse();
    }

    @Test
    void packageMainIsRefusedSayingWhatToName() throws Exception {
        write("main.go", HANDLE.replace("package hello", "package main"));

        assertThatThrownBy(() -> builder.build(root, null, "x:1", new NoSteps()))
                .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("compile_error");
                    assertThat(e.getMessage()).contains("package function");
                });
    }

    @Test
    void requiredModulesWithoutVendorAreRefusedSayingHowToVendor() throws Exception {
        write("hello.go", HANDLE);
        write("go.mod", "module example.com/hello\n\ngo 1.19\n\nrequire github.com/x/y v1.0.0\n");

        assertThatThrownBy(() -> builder.build(root, null, "x:1", new NoSteps()))
                .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("dependencies_not_vendored");
                    assertThat(e.getMessage()).contains("go mod vendor");
                });
    }

    @Test
    void theModulePathComesFromGoModOrDefaultsToFunction() throws Exception {
        write("hello.go", HANDLE);
        assertThat(GoPackage.require(root, null).importPath()).isEqualTo("function");

        write("go.mod", "module example.com/hello\n\ngo 1.19\n");
        assertThat(GoPackage.require(root, null).importPath()).isEqualTo("example.com/hello");
    }

    @Test
    void theRuntimeJarCarriesEveryFileOfTheGoHost() throws IOException {
        Path hostDir = Path.of("../hosts/go/fn4jhost");
        try (Stream<Path> files = Files.list(hostDir)) {
            List<String> names =
                    files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(GoBuilder.HOST_FILES).containsExactlyElementsOf(names);
        }
        for (String file : GoBuilder.HOST_FILES) {
            assertThat(GoBuilder.class.getResource("/dev/fn4j/runtime/source/hosts/go/fn4jhost/" + file))
                    .as(file)
                    .isNotNull();
        }
        assertThat(GoBuilder.class.getResource("/dev/fn4j/runtime/source/hosts/python/fn4j_host.py"))
                .isNotNull();
    }

    static final class NoSteps implements BuildSteps {
        @Override
        public void ended(String step, long millis) {}

        @Override
        public void output(String line) {}
    }
}
