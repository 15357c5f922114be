package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.util.List;

/**
 * Invokes a {@link Handler}: decodes the body into its input type, runs it, encodes the output
 * with a {@code content-type} header. Undecodable input is {@code bad_input}, unencodable output
 * {@code bad_output}, and both leave the instance serving.
 */
final class FunctionInvoker implements Invoker {

    static final String CONTENT_TYPE = "content-type";

    private final Handler<Object, Object> handler;
    private final BodyCodec input;
    private final BodyCodec output;
    private final Contexts contexts;

    @SuppressWarnings("unchecked")
    FunctionInvoker(Handler<?, ?> handler, HandlerTypes.Resolved types, Contexts contexts) {
        this.handler = (Handler<Object, Object>) handler;
        this.input = BodyCodec.forType(types.input());
        this.output = BodyCodec.forType(types.output());
        this.contexts = contexts;
    }

    @Override
    public Frame answer(Frame.Invoke invoke, CapturedLog log) {
        String id = invoke.requestId();
        Object value;
        try {
            value = input.decode(invoke.body());
        } catch (BodyCodec.BodyException e) {
            return new Frame.PlatformError(id, Protocol.BAD_INPUT, e.getMessage(), false);
        }
        Context context = contexts.of(invoke, log);
        Object result;
        try {
            result = handler.handle(value, context);
        } catch (Throwable thrown) {
            return Failures.functionError(id, thrown);
        }
        try {
            BodyCodec.Encoded encoded = output.encode(result);
            List<Frame.Header> headers = encoded.contentType() == null
                    ? List.of()
                    : List.of(new Frame.Header(CONTENT_TYPE, encoded.contentType()));
            return new Frame.Result(id, headers, encoded.body());
        } catch (BodyCodec.BodyException e) {
            return new Frame.PlatformError(id, Protocol.BAD_OUTPUT, e.getMessage(), false);
        }
    }
}
