package dev.fn4j.host;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The JSON shape of a "plain" type ({@link PlainShapes} says which types are plain): what {@link
 * PlainReader} reads and {@link PlainWriter} writes without Jackson, exactly as Jackson would.
 */
sealed interface PlainShape {

    /**
     * A String, a primitive or its box, identified by its class ({@code int.class}, {@code
     * Integer.class}, {@code String.class}).
     */
    record Scalar(Class<?> type) implements PlainShape {}

    /** An enum, read and written by its constants' names. */
    record EnumShape(Class<?> type, Map<String, Object> byName) implements PlainShape {}

    /** A {@code List<T>} of a plain T, read as an ArrayList. */
    record ListShape(PlainShape element) implements PlainShape {}

    /**
     * A record, as a JSON object with one property per component, in component order. Mutable only
     * while {@link PlainShapes} builds it, so that a record may contain itself (through a list).
     */
    final class RecordShape implements PlainShape {
        final Class<?> type;
        final String[] names;
        /** Filled by PlainShapes after construction; never changed once the shape is handed out. */
        final PlainShape[] components;

        final Method[] accessors;
        final Constructor<?> constructor;

        RecordShape(Class<?> type, String[] names, Method[] accessors, Constructor<?> constructor) {
            this.type = type;
            this.names = names;
            this.components = new PlainShape[names.length];
            this.accessors = accessors;
            this.constructor = constructor;
        }

        /** The component's index, or -1 when the record has no component of that name. */
        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The fast path cannot handle a body or a value the way Jackson would; the caller hands it to
     * Jackson. Carries no stack trace: it is control flow, thrown on every fallback.
     */
    final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not plain", null, false, false);
        }
    }
}
