package dev.fn4j.runtime.source.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.SourceRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonBuilderTest {

    @TempDir
    Path root;

    private final PythonBuilder builder = new PythonBuilder("fn4j/python-base:3.11", Path.of("unused-cache"), tar -> {
        throw new AssertionError("no image is built here");
    });

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void recognisesMainPyDefiningHandleWhenNoHandlerIsNamed() throws Exception {
        write("main.py", "import json\n\ndef handle(input, context):\n    return input\n");

        assertThat(builder.recognises(root, null)).isTrue();
        assertThat(builder.language()).isEqualTo("python");
    }

    @Test
    void recognisesTheModuleOrPackageTheHandlerNames() throws Exception {
        write("pkg/mod.py", "def handle(input, context):\n    pass\n");
        write("other/__init__.py", "async def handle(input, context):\n    pass\n");

        assertThat(builder.recognises(root, "pkg.mod")).isTrue();
        assertThat(builder.recognises(root, "pkg/mod.py")).isFalse();
        assertThat(builder.recognises(root, "other")).isTrue();
        assertThat(builder.recognises(root, null)).isFalse();
    }

    @Test
    void aModuleWithoutATopLevelHandleIsNotRecognised() throws Exception {
        write("main.py", "class X:\n    def handle(self, input, context):\n        pass\n");

        assertThat(builder.recognises(root, "main")).isFalse();
        assertThat(builder.recognises(root, "../main")).isFalse();
    }

    @Test
    void aMissingModuleIsRefusedNamingWhatToAdd() {
        assertThatThrownBy(() -> builder.build(root, "app", "x:1", new NoSteps()))
                .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("handler_not_found");
                    assertThat(e.getMessage()).contains("app.py", "def handle(input, context):");
                });
    }

    @Test
    void requirementsWithoutVendoredPackagesAreRefusedSayingHowToVendor() throws Exception {
        write("main.py", "import requests\ndef handle(input, context):\n    pass\n");
        write("requirements.txt", "# pinned\nrequests==2.31.0\n");

        assertThatThrownBy(() -> builder.build(root, null, "x:1", new NoSteps()))
                .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("dependencies_not_vendored");
                    assertThat(e.entry()).isEqualTo("requirements.txt");
                    assertThat(e.getMessage()).contains("pip install -r requirements.txt --target vendor");
                });
    }

    @Test
    void requirementsWithAVendorFolderOrListingNothingPass() throws Exception {
        write("requirements.txt", "# nothing yet\n\n");
        PythonModule.requireVendored(root);
        write("requirements.txt", "requests\n");
        write("vendor/requests/__init__.py", "");
        PythonModule.requireVendored(root);
    }

    @Test
    void lookedForSpeaksOfModulesAndHandle() {
        assertThat(builder.lookedFor()).contains("main.py", "def handle(input, context):");
    }

    @Test
    void aBlankBaseImageIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new PythonBuilder(" ", root, tar -> "unused"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' '");
    }

    static final class NoSteps implements BuildSteps {
        @Override
        public void ended(String step, long millis) {}

        @Override
        public void output(String line) {}
    }
}
