package dev.fn4j.image;

import java.util.Objects;

/**
 * A handler class found in a function's compiled classes.
 *
 * @param className the binary class name {@code Class.forName} takes, for example
 *                  {@code com.example.Hello} or {@code com.example.Api$Echo}
 * @param kind      which fn4j interface it implements
 */
public record HandlerInfo(String className, Kind kind) {

    /** The fn4j interface a handler implements. */
    public enum Kind {
        /** {@code dev.fn4j.api.Handler}: typed input and output. */
        HANDLER("dev.fn4j.api.Handler"),
        /** {@code dev.fn4j.api.HttpHandler}: the whole HTTP request and response. */
        HTTP_HANDLER("dev.fn4j.api.HttpHandler");

        private final String interfaceName;

        Kind(String interfaceName) {
            this.interfaceName = interfaceName;
        }

        /** The interface's fully qualified name. */
        public String interfaceName() {
            return interfaceName;
        }

        String internalName() {
            return interfaceName.replace('.', '/');
        }
    }

    public HandlerInfo {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("handler class name is blank: '" + className + "'");
        }
        Objects.requireNonNull(kind, "kind");
    }
}
