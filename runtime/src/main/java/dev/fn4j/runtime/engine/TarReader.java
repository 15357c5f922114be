package dev.fn4j.runtime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads the entries of a tar stream (ustar, GNU long names, pax paths) one after another, checking
 * every header's checksum so that a file that is not a tar is told apart from a damaged one early.
 * Only what an image archive needs is supported: names, sizes, types and the bytes of small files.
 */
final class TarReader {

    /** An entry's header: its normalised path, its content size and its tar type flag. */
    record Entry(String name, long size, char type) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    /** The stream is not a well-formed tar; the message says what was wrong. */
    static final class MalformedTarException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedTarException(String message) {
            super(message);
        }
    }

    private static final int BLOCK = 512;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    /** Unread content bytes of the current entry, plus its padding to a whole block. */
    private long remaining;
    /** The content size of the current entry. */
    private long currentSize;
    /** Whether any header was read; an empty stream is not a tar. */
    private boolean sawHeader;

    TarReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The next entry, skipping what is left of the current one; {@code null} at the end. */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skipFully(remaining);
            remaining = 0;
            if (!readBlock(header)) {
                if (!sawHeader) {
                    throw new MalformedTarException("empty file");
                }
                return null; // some writers omit the two zero blocks that end an archive
            }
            if (isZero(header)) {
                if (!sawHeader) {
                    throw new MalformedTarException("starts with an empty block");
                }
                return null;
            }
            verifyChecksum();
            sawHeader = true;
            long size = parseNumber(124, 12, "size");
            char type = (char) header[156];
            String name = longName != null ? longName : headerName();
            remaining = padded(size);
            currentSize = size;
            if (type == 'L' || type == 'x') {
                // GNU long name or pax header: its content names the entry that follows.
                String meta = new String(readContent(1 << 20), StandardCharsets.UTF_8);
                String found = type == 'L' ? trimNul(meta) : paxPath(meta);
                if (found != null) {
                    longName = found;
                }
                continue;
            }
            if (type == 'g') {
                continue; // pax global header: nothing an image archive needs
            }
            return new Entry(normalise(name), size, type);
        }
    }

    /** Copies the current entry's content, of any size, to {@code out}; read it once. */
    void copyContent(java.io.OutputStream out) throws IOException {
        long left = currentSize;
        byte[] buffer = new byte[1 << 16];
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new MalformedTarException("truncated entry content");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        remaining -= currentSize;
    }

    /** The current entry's content, which must be at most {@code max} bytes; read it once. */
    byte[] readContent(int max) throws IOException {
        long size = currentSize;
        if (size > max) {
            throw new MalformedTarException("entry of " + size + " bytes is larger than " + max);
        }
        byte[] content = new byte[(int) size];
        if (in.readNBytes(content, 0, content.length) != content.length) {
            throw new MalformedTarException("truncated entry content");
        }
        remaining -= size;
        return content;
    }

    private String headerName() {
        String name = field(0, 100);
        if (field(257, 5).equals("ustar")) {
            String prefix = field(345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** Strips "./" and "/" prefixes so that "./manifest.json" and "manifest.json" match. */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("/") ? 1 : 2);
        }
        return n;
    }

    private static String paxPath(String records) {
        String path = null;
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                path = record.substring(space + 1 + "path=".length());
            }
        }
        return path;
    }

    private void verifyChecksum() throws IOException {
        long stored = parseNumber(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new MalformedTarException("bad header checksum");
        }
    }

    /** An octal field, or GNU base-256 when its high bit is set (sizes of 8 GiB and more). */
    private long parseNumber(int offset, int length, String what) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String text = field(offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new MalformedTarException("bad " + what + " field '" + text + "'");
        }
    }

    private String field(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads a whole block; false at a clean end of stream, an error on a partial block. */
    private boolean readBlock(byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new MalformedTarException(sawHeader ? "truncated header" : "too short for a tar");
        }
        return true;
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new MalformedTarException("truncated: " + left + " bytes of content missing");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
