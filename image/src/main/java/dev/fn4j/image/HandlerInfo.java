package dev.fn4j.image;

import java.util.Objects;

/**
 * A handler class found in a function's compiled classes.
 *
 * @param className the binary class name {@code Class.forName} takes, for example
 *                  {@code com.example.Hello} or {@code com.example.Api$Echo}
 * @param kind      which handler interface it implements: fn4j's own, or another platform's that
 *                  the host runs unchanged
 */
public record HandlerInfo(String className, Kind kind) {

    /**
     * The handler interface a handler implements. When a class implements several, the first in
     * declaration order after {@code HTTP_HANDLER} (the more specific of fn4j's two) is its kind,
     * the order in which the host picks the interface to call.
     */
    public enum Kind {
        /** {@code dev.fn4j.api.Handler}: typed input and output. */
        HANDLER("dev.fn4j.api.Handler"),
        /** {@code dev.fn4j.api.HttpHandler}: the whole HTTP request and response. */
        HTTP_HANDLER("dev.fn4j.api.HttpHandler"),
        /** AWS Lambda's {@code RequestHandler<I, O>}, run unchanged. */
        LAMBDA_REQUEST_HANDLER("com.amazonaws.services.lambda.runtime.RequestHandler"),
        /** AWS Lambda's {@code RequestStreamHandler}, run unchanged. */
        LAMBDA_STREAM_HANDLER("com.amazonaws.services.lambda.runtime.RequestStreamHandler"),
        /** Google Cloud Functions' {@code HttpFunction}, run unchanged. */
        GCF_HTTP_FUNCTION("com.google.cloud.functions.HttpFunction"),
        /** Google Cloud Functions' {@code TypedFunction<I, O>}, run unchanged. */
        GCF_TYPED_FUNCTION("com.google.cloud.functions.TypedFunction"),
        /** Google Cloud Functions' {@code BackgroundFunction<T>}, run unchanged. */
        GCF_BACKGROUND_FUNCTION("com.google.cloud.functions.BackgroundFunction"),
        /** Google Cloud Functions' {@code RawBackgroundFunction}, run unchanged. */
        GCF_RAW_BACKGROUND_FUNCTION("com.google.cloud.functions.RawBackgroundFunction");

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
