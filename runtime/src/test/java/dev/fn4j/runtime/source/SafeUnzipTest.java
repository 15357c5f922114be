package dev.fn4j.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class SafeUnzipTest {

    /** Small limits so each case is cheap to build. */
    public static final SourceLimits LIMITS = new SourceLimits(10_000_000, 4 * 1024 * 1024, 10, 100, 8);

    private static final int S_IFLNK = 0120777;
    private static final int S_IFIFO = 0010644;
    private static final int S_IFCHR = 0020644;

    @TempDir
    Path tmp;

    /** The hostile table: name, archive, the rule it breaks, the entry reported. */
    public static Stream<Arguments> hostile() throws IOException {
        byte[] good = Zips.create()
                .file("a.txt", "x".repeat(5000))
                .file("b.txt", "y".repeat(5000))
                .bytes();
        return Stream.of(
                Arguments.of(
                        "parent traversal",
                        Zips.create().file("../../x", "boom").bytes(),
                        "path_traversal",
                        "../../x"),
                Arguments.of(
                        "traversal in the middle",
                        Zips.create().file("a/../../x", "boom").bytes(),
                        "path_traversal",
                        "a/../../x"),
                Arguments.of("absolute", Zips.create().file("/etc/x", "boom").bytes(), "absolute_path", "/etc/x"),
                Arguments.of("drive letter", Zips.create().file("C:/x", "boom").bytes(), "absolute_path", "C:/x"),
                Arguments.of("windows path", Zips.create().file("C:\\x", "boom").bytes(), "backslash", "C:\\x"),
                Arguments.of(
                        "backslash traversal",
                        Zips.create().file("..\\..\\x", "boom").bytes(),
                        "backslash",
                        "..\\..\\x"),
                Arguments.of(
                        "symlink",
                        Zips.create().withMode("link", S_IFLNK, "/etc/passwd").bytes(),
                        "symlink",
                        "link"),
                Arguments.of(
                        "symlink in a jar",
                        Zips.create()
                                .file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
                                .withMode("com/example/Evil.class", S_IFLNK, "/etc/shadow")
                                .bytes(),
                        "symlink",
                        "com/example/Evil.class"),
                Arguments.of("fifo", Zips.create().withMode("pipe", S_IFIFO, "").bytes(), "special_file", "pipe"),
                Arguments.of(
                        "device", Zips.create().withMode("dev", S_IFCHR, "").bytes(), "special_file", "dev"),
                Arguments.of(
                        "too big unpacked",
                        Zips.create()
                                .file("one.bin", random(3 * 1024 * 1024))
                                .file("two.bin", random(3 * 1024 * 1024))
                                .bytes(),
                        "too_large",
                        "two.bin"),
                Arguments.of(
                        "zip bomb",
                        Zips.create().file("zeros", new byte[3 * 1024 * 1024]).bytes(),
                        "compression_ratio",
                        "zeros"),
                Arguments.of("too many entries", manyEntries(11), "too_many_entries", null),
                Arguments.of(
                        "too deep",
                        Zips.create().file("a/b/c/d/e/f/g/h/i.txt", "deep").bytes(),
                        "too_deep",
                        "a/b/c/d/e/f/g/h/i.txt"),
                Arguments.of(
                        "duplicate",
                        Zips.create().file("x.txt", "1").file("x.txt", "2").bytes(),
                        "duplicate_name",
                        "x.txt"),
                Arguments.of(
                        "file and folder of one name",
                        Zips.create().file("x", "1").file("x/", "").bytes(),
                        "duplicate_name",
                        "x/"),
                Arguments.of(
                        "not UTF-8",
                        Zips.create()
                                .raw("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), 0, new byte[1])
                                .bytes(),
                        "name_not_utf8",
                        "caf\\xe9"),
                Arguments.of(
                        "control character", Zips.create().file("a\nb", "1").bytes(), "bad_name", "a\nb"),
                Arguments.of("dot segment", Zips.create().file("./a", "1").bytes(), "bad_name", "./a"),
                Arguments.of("not a zip", "hello, I am not a zip".getBytes(StandardCharsets.UTF_8), "not_a_zip", null),
                Arguments.of("empty body", new byte[0], "not_a_zip", null),
                Arguments.of("truncated", Zips.cut(good, good.length / 2), "truncated", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesAHostileArchiveNamingTheRuleAndTheEntryAndWritesNothingOutsideItsDirectory(
            String name, byte[] archive, String rule, String entry) throws IOException {
        Path zip = Files.write(tmp.resolve("upload.zip"), archive);
        Path target = tmp.resolve("outer").resolve("build").resolve("src");

        SourceRejectedException e =
                catchThrowableOfType(() -> new SafeUnzip(LIMITS).unpack(zip, target), SourceRejectedException.class);

        assertThat(e).as(name).isNotNull();
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(e.entry()).isEqualTo(entry);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(everythingUnder(tmp))
                .allSatisfy(p -> assertThat(p.equals(zip) || p.startsWith(target) || target.startsWith(p))
                        .as("%s lies outside %s", p, target)
                        .isTrue());
    }

    @Test
    void unpacksAnOrdinaryArchiveWithItsFoldersAndCountsItsBytes() throws IOException {
        byte[] archive = Zips.create()
                .file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
                .file("com/example/", "")
                .file("com/example/Hello.class", "cafe")
                .file("Foo.txt", "upper")
                .file("foo.txt", "lower")
                .bytes();
        Path zip = Files.write(tmp.resolve("upload.zip"), archive);
        Path target = tmp.resolve("src");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(LIMITS).unpack(zip, target);

        assertThat(unpacked.files()).isEqualTo(4);
        assertThat(unpacked.bytes()).isEqualTo(22 + 4 + 5 + 5);
        assertThat(target.resolve("com/example/Hello.class")).hasContent("cafe");
        // Names differing only in case are two files, as on Linux.
        assertThat(target.resolve("Foo.txt")).hasContent("upper");
        assertThat(target.resolve("foo.txt")).hasContent("lower");
    }

    @Test
    void aSmallFileOfZerosIsNotABomb() throws IOException {
        Path zip = Files.write(
                tmp.resolve("upload.zip"),
                Zips.create().file("zeros", new byte[512 * 1024]).bytes());

        SafeUnzip.Unpacked unpacked = new SafeUnzip(LIMITS).unpack(zip, tmp.resolve("src"));

        assertThat(unpacked.bytes()).isEqualTo(512 * 1024);
    }

    private static byte[] manyEntries(int count) throws IOException {
        Zips zips = Zips.create();
        for (int i = 0; i < count; i++) {
            zips.file("f" + i, "x");
        }
        return zips.bytes();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> everythingUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir)).toList();
        }
    }
}
