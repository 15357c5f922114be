package dev.fn4j.runtime.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zip archives in memory for tests, hostile ones included: any name, mode or duplicate. */
public final class Zips {

    /** One entry: its name as raw bytes (any encoding), its Unix mode (0 for none) and content. */
    record Entry(byte[] rawName, int unixMode, byte[] content) {}

    private final Map<Integer, Entry> entries = new LinkedHashMap<>();

    static Zips create() {
        return new Zips();
    }

    Zips file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Zips file(String name, byte[] content) {
        return raw(name.getBytes(StandardCharsets.UTF_8), 0, content);
    }

    Zips withMode(String name, int unixMode, String content) {
        return raw(name.getBytes(StandardCharsets.UTF_8), unixMode, content.getBytes(StandardCharsets.UTF_8));
    }

    Zips raw(byte[] rawName, int unixMode, byte[] content) {
        entries.put(entries.size(), new Entry(rawName, unixMode, content));
        return this;
    }

    /** The archive; names are written byte for byte, without the UTF-8 flag. */
    byte[] bytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            // ISO-8859-1 maps each char back to one byte, so any raw name survives.
            zip.setEncoding("ISO-8859-1");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Entry entry : entries.values()) {
                ZipArchiveEntry e = new RawEntry(new String(entry.rawName(), StandardCharsets.ISO_8859_1));
                if (entry.unixMode() != 0) {
                    e.setUnixMode(entry.unixMode());
                }
                zip.putArchiveEntry(e);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An entry whose name is kept as given: the public constructor turns '\\' into '/'. */
    private static final class RawEntry extends ZipArchiveEntry {
        RawEntry(String name) {
            super("placeholder");
            setPlatform(PLATFORM_UNIX);
            setName(name);
        }
    }

    /** The first {@code length} bytes of {@code bytes}. */
    static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
