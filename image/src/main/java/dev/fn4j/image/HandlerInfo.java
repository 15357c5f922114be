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
        HANDLER("dev.fn4j.api.Handler", null),
        /** {@code dev.fn4j.api.HttpHandler}: the whole HTTP request and response. */
        HTTP_HANDLER("dev.fn4j.api.HttpHandler", null),
        /** AWS Lambda's {@code RequestHandler<I, O>}, run unchanged. */
        LAMBDA_REQUEST_HANDLER("com.amazonaws.services.lambda.runtime.RequestHandler", Kind.LAMBDA),
        /** AWS Lambda's {@code RequestStreamHandler}, run unchanged. */
        LAMBDA_STREAM_HANDLER("com.amazonaws.services.lambda.runtime.RequestStreamHandler", Kind.LAMBDA),
        /** Google Cloud Functions' {@code HttpFunction}, run unchanged. */
        GCF_HTTP_FUNCTION("com.google.cloud.functions.HttpFunction", Kind.GCF),
        /** Google Cloud Functions' {@code TypedFunction<I, O>}, run unchanged. */
        GCF_TYPED_FUNCTION("com.google.cloud.functions.TypedFunction", Kind.GCF),
        /** Google Cloud Functions' {@code BackgroundFunction<T>}, run unchanged. */
        GCF_BACKGROUND_FUNCTION("com.google.cloud.functions.BackgroundFunction", Kind.GCF),
        /** Google Cloud Functions' {@code RawBackgroundFunction}, run unchanged. */
        GCF_RAW_BACKGROUND_FUNCTION("com.google.cloud.functions.RawBackgroundFunction", Kind.GCF);

        private static final String LAMBDA = "com.amazonaws:aws-lambda-java-core";
        private static final String GCF = "com.google.cloud.functions:functions-framework-api";

        private final String interfaceName;
        /** The artifact that defines the interface, which the image must carry; null for fn4j's own. */
        private final String artifact;

        Kind(String interfaceName, String artifact) {
            this.interfaceName = interfaceName;
            this.artifact = artifact;
        }

        /**
         * The {@code groupId:artifactId} of another platform's API the function must bring in its
         * runtime dependencies; null for fn4j's interfaces, which the host brings.
         */
        public String artifact() {
            return artifact;
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
