package dev.fn4j.runtime.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small tar archives for tests, byte by byte, so that tests control every header. */
final class TestTar {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestTar file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestTar file(String name, byte[] content) {
        return entry(name, '0', content, "");
    }

    TestTar dir(String name) {
        return entry(name, '5', new byte[0], "");
    }

    /** A file whose name is split into the ustar prefix and name fields. */
    TestTar prefixed(String prefix, String name, String content) {
        return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), prefix);
    }

    /** A file named by a GNU long-name entry, with a truncated name in its own header. */
    TestTar gnuLongName(String name, String content) {
        entry("././@LongLink", 'L', (name + "\0").getBytes(StandardCharsets.UTF_8), "");
        return entry(name.substring(0, Math.min(99, name.length())), '0', content.getBytes(StandardCharsets.UTF_8), "");
    }

    /** A file named by a pax extended header, with a different name in its own header. */
    TestTar paxPath(String name, String content) {
        String record = "path=" + name + "\n";
        int length = record.length() + 3;
        String withLength = length + " " + record;
        while (withLength.length() != length) {
            length = withLength.length();
            withLength = length + " " + record;
        }
        entry("PaxHeaders/x", 'x', withLength.getBytes(StandardCharsets.UTF_8), "");
        return entry("short-name", '0', content.getBytes(StandardCharsets.UTF_8), "");
    }

    /** The archive, ended by the two zero blocks tar expects. */
    byte[] bytes() {
        byte[] body = out.toByteArray();
        byte[] all = new byte[body.length + 1024];
        System.arraycopy(body, 0, all, 0, body.length);
        return all;
    }

    Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    static Path gzip(byte[] content, Path file) throws IOException {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(content);
        }
        return file;
    }

    private TestTar entry(String name, char type, byte[] content, String prefix) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", content.length));
        put(h, 136, 12, String.format("%011o", 0));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        put(h, 345, 155, prefix);
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.writeBytes(h);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        if (v.length > length) {
            throw new IllegalArgumentException("'" + value + "' is longer than " + length + " bytes");
        }
        System.arraycopy(v, 0, h, offset, v.length);
    }
}
