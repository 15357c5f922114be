package dev.fn4j.runtime.cluster;

/**
 * One change another runtime must hear of: a function deployed or deleted, or an API key created
 * or revoked, named by its kind and key. Its wire form, {@code <kind> <key>}, is the payload of a
 * PostgreSQL notification; both parts are free of spaces (function names and key ids are).
 */
public record Notice(Kind kind, String key) {

    /** What changed. */
    public enum Kind {
        FUNCTION("function"),
        KEY("key");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    public Notice {
        if (kind == null || key == null || key.isEmpty() || key.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(
                    "a notice needs a kind and a key without spaces: " + kind + " '" + key + "'");
        }
    }

    public static Notice function(String name) {
        return new Notice(Kind.FUNCTION, name);
    }

    public static Notice key(String id) {
        return new Notice(Kind.KEY, id);
    }

    /** The payload to send. */
    public String wire() {
        return kind.wire + " " + key;
    }

    /** Reads a payload; null for one this runtime does not know (sent by a newer runtime). */
    public static Notice parse(String payload) {
        if (payload == null) {
            return null;
        }
        int space = payload.indexOf(' ');
        if (space <= 0 || space == payload.length() - 1) {
            return null;
        }
        String kind = payload.substring(0, space);
        String key = payload.substring(space + 1);
        for (Kind known : Kind.values()) {
            if (known.wire.equals(kind) && key.indexOf(' ') < 0) {
                return new Notice(known, key);
            }
        }
        return null;
    }
}
