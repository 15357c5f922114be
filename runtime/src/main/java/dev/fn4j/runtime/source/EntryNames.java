package dev.fn4j.runtime.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rule for an archive entry's name: strict UTF-8, relative, forward slashes only, no {@code .}
 * or {@code ..} segment, no control characters, at most a given depth. A name that passes names a
 * path inside the build directory and nowhere else.
 */
final class EntryNames {

    /** {@code C:}, {@code c:/x}: a Windows drive, absolute on the machine that made the archive. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private EntryNames() {}

    /**
     * The name decoded as strict UTF-8.
     *
     * @throws SourceRejectedException {@code name_not_utf8}, the entry shown with the bad bytes escaped
     */
    static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            String shown = escaped(raw);
            throw new SourceRejectedException(
                    "name_not_utf8", shown, "the entry name " + shown + " is not valid UTF-8; name entries in UTF-8");
        }
    }

    /**
     * Checks a decoded name and returns it without a directory's trailing slash.
     *
     * @throws SourceRejectedException naming the rule the name breaks
     */
    static String check(String name, int maxDepth) {
        if (name.isEmpty()) {
            throw reject("bad_name", name, "is empty");
        }
        if (name.indexOf('\\') >= 0) {
            throw reject("backslash", name, "contains a backslash; zip entry names separate folders with '/' only");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw reject("absolute_path", name, "is absolute; entries must be relative to the archive's root");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw reject("bad_name", name, "contains a control character");
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                throw reject("path_traversal", name, "climbs out of the archive with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw reject("bad_name", name, "has an empty or '.' folder");
            }
        }
        if (segments.length > maxDepth) {
            throw reject(
                    "too_deep",
                    name,
                    "is " + segments.length + " folders deep, more than the limit of " + maxDepth
                            + " (--max-source-depth)");
        }
        return path;
    }

    private static SourceRejectedException reject(String rule, String name, String why) {
        return new SourceRejectedException(rule, name, "the entry '" + name + "' " + why);
    }

    /** Printable ASCII as is, every other byte as {@code \xNN}. */
    private static String escaped(byte[] raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        return out.toString();
    }
}
