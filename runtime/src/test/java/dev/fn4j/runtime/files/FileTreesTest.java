package dev.fn4j.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path work;

    @Test
    void aTreeIsDeletedWithItsLinksButNotWhatTheyPointTo() throws IOException {
        Path outside = Files.writeString(work.resolve("keep.txt"), "kept");
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/file"), "x");
        Files.createSymbolicLink(tree.resolve("a/link"), outside);
        Files.createSymbolicLink(tree.resolve("dirlink"), work);

        FileTrees.delete(tree);

        assertThat(tree).doesNotExist();
        assertThat(outside).hasContent("kept");
    }

    @Test
    void aMissingDirectoryIsNoError() throws IOException {
        FileTrees.delete(work.resolve("never-made"));
        assertThat(work).exists();
    }

    @Test
    void aLinkGivenAsTheTreeIsDeletedItself() throws IOException {
        Path dir = Files.createDirectories(work.resolve("real"));
        Files.writeString(dir.resolve("f"), "x");
        Path link = Files.createSymbolicLink(work.resolve("link"), dir);

        FileTrees.delete(link);

        assertThat(link).doesNotExist();
        assertThat(dir.resolve("f")).hasContent("x");
    }
}
