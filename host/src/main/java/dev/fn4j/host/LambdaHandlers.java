package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;

/**
 * AWS Lambda's {@code RequestHandler<I, O>} and {@code RequestStreamHandler} as fn4j handlers,
 * so that {@link FunctionInvoker} maps their bodies as it maps any handler's.
 */
final class LambdaHandlers {

    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private LambdaHandlers() {}

    /** A {@code RequestHandler}: {@code handleRequest(input, context)}. */
    static final class Request implements Handler<Object, Object> {
        private final Object target;
        private final Method handleRequest;
        private final LambdaContext contexts;

        Request(Object target, Class<?> requestHandler) {
            this.target = target;
            this.contexts = new LambdaContext(requestHandler.getClassLoader());
            this.handleRequest = ForeignApi.method(
                    requestHandler,
                    "handleRequest",
                    Object.class,
                    ForeignApi.type(requestHandler.getClassLoader(), LambdaContext.CONTEXT));
        }

        @Override
        public Object handle(Object input, Context context) throws Exception {
            return ForeignApi.call(handleRequest, target, input, contexts.of(context));
        }
    }

    /** A {@code RequestStreamHandler}: the body as its input stream, what it writes as the output. */
    static final class Stream implements Handler<byte[], byte[]> {
        private final Object target;
        private final Method handleRequest;
        private final LambdaContext contexts;

        Stream(Object target, Class<?> streamHandler) {
            this.target = target;
            this.contexts = new LambdaContext(streamHandler.getClassLoader());
            this.handleRequest = ForeignApi.method(
                    streamHandler,
                    "handleRequest",
                    InputStream.class,
                    OutputStream.class,
                    ForeignApi.type(streamHandler.getClassLoader(), LambdaContext.CONTEXT));
        }

        @Override
        public byte[] handle(byte[] input, Context context) throws Exception {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            ForeignApi.call(
                    handleRequest,
                    target,
                    new ByteArrayInputStream(input == null ? new byte[0] : input),
                    output,
                    contexts.of(context));
            return output.toByteArray();
        }
    }
}
