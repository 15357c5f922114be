package dev.fn4j.client;

import java.nio.charset.StandardCharsets;

/**
 * The runtime's API paths and their segments, percent-encoded so that no name can change the path
 * it is put in.
 */
final class PathSegment {

    private PathSegment() {}

    static String encode(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("a function name must not be empty");
        }
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '~'
                    || (c == '.' && !isDots(segment))) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** "." and ".." would be taken as path navigation, so their dots get encoded. */
    private static boolean isDots(String segment) {
        return segment.equals(".") || segment.equals("..");
    }

    /** The last path segment of a {@code Location}, without query or fragment; null for none. */
    static String lastSegment(String location) {
        if (location == null) {
            return null;
        }
        String path = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code v1/invocations/<id>}, relative to the runtime's base URI. */
    static String invocationPath(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an invocation id must not be empty");
        }
        return "v1/invocations/" + encode(id);
    }

    /** {@code v1/functions/<name>}, relative to the runtime's base URI. */
    static String functionPath(String name) {
        return "v1/functions/" + encode(name);
    }
}
