package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarReaderTest {

    @Test
    void readsNamesSizesAndContentInOrder() throws IOException {
        byte[] tar = new TestTar()
                .dir("blobs/")
                .file("./a.txt", "hello")
                .file("b.bin", new byte[700])
                .bytes();
        TarReader reader = new TarReader(new ByteArrayInputStream(tar));

        TarReader.Entry dir = reader.next();
        assertThat(dir.name()).isEqualTo("blobs/");
        assertThat(dir.isFile()).isFalse();
        TarReader.Entry a = reader.next();
        assertThat(a).isEqualTo(new TarReader.Entry("a.txt", 5, '0'));
        assertThat(new String(reader.readContent(100), StandardCharsets.UTF_8)).isEqualTo("hello");
        // b's content is skipped, not read, and the reader still finds the end.
        assertThat(reader.next()).isEqualTo(new TarReader.Entry("b.bin", 700, '0'));
        assertThat(reader.next()).isNull();
    }

    @Test
    void followsUstarPrefixGnuLongNamesAndPaxPaths() throws IOException {
        String longName = "x".repeat(150) + "/manifest.json";
        byte[] tar = new TestTar()
                .prefixed("some/dir", "file.txt", "1")
                .gnuLongName(longName, "2")
                .paxPath("index.json", "3")
                .bytes();

        assertThat(names(tar)).containsExactly("some/dir/file.txt", longName, "index.json");
    }

    @Test
    void acceptsAnArchiveWithoutTheClosingZeroBlocks() throws IOException {
        byte[] full = new TestTar().file("a", "1").bytes();
        assertThat(names(Arrays.copyOf(full, full.length - 1024))).containsExactly("a");
    }

    @Test
    void rejectsABadChecksum() {
        byte[] tar = new TestTar().file("a", "1").bytes();
        tar[0] = 'b';
        assertThatThrownBy(() -> names(tar))
                .isInstanceOf(TarReader.MalformedTarException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsEmptyShortAndTruncatedInput() {
        assertThatThrownBy(() -> names(new byte[0])).hasMessageContaining("empty file");
        assertThatThrownBy(() -> names("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TarReader.MalformedTarException.class);
        assertThatThrownBy(() -> names(new byte[1024])).hasMessageContaining("empty block");
        byte[] tar = new TestTar().file("a", new byte[5000]).bytes();
        assertThatThrownBy(() -> names(Arrays.copyOf(tar, 2048)))
                .isInstanceOf(TarReader.MalformedTarException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesToReadContentLargerThanAsked() throws IOException {
        TarReader reader = new TarReader(
                new ByteArrayInputStream(new TestTar().file("a", new byte[10]).bytes()));
        reader.next();
        assertThatThrownBy(() -> reader.readContent(9)).hasMessageContaining("larger than 9");
    }

    private static List<String> names(byte[] tar) throws IOException {
        TarReader reader = new TarReader(new ByteArrayInputStream(tar));
        List<String> names = new ArrayList<>();
        for (TarReader.Entry e = reader.next(); e != null; e = reader.next()) {
            names.add(e.name());
        }
        return names;
    }
}
