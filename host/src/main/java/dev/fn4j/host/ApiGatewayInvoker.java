package dev.fn4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.time.Clock;
import java.util.Map;

/**
 * Invokes a Lambda {@code RequestHandler} whose input is an API Gateway proxy event: a call from
 * the HTTP trigger becomes the event and its proxy response becomes the HTTP answer; any other
 * call passes its body as the event's JSON, as Lambda's own Invoke does.
 */
final class ApiGatewayInvoker implements Invoker {

    private final Handler<Object, Object> handler;
    private final Class<?> eventType;
    /** Calls that did not come through the HTTP trigger: plain JSON in and out. */
    private final Invoker direct;
    /** The encoding of an output that is not a proxy response. */
    private final BodyCodec output;

    private final Contexts contexts;
    private final Clock clock;

    ApiGatewayInvoker(Handler<Object, Object> handler, HandlerTypes.Resolved types, Contexts contexts, Clock clock) {
        this.handler = handler;
        this.eventType = (Class<?>) types.input();
        this.direct = new FunctionInvoker(handler, types, contexts);
        this.output = BodyCodec.forType(types.output());
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public Frame answer(Frame.Invoke invoke, CapturedLog log) {
        if (!fromTrigger(invoke)) {
            return direct.answer(invoke, log);
        }
        String id = invoke.requestId();
        HttpRequest request = HttpInvoker.request(invoke);
        Object event;
        try {
            event = Json.MAPPER.convertValue(ApiGatewayEvents.event(eventType, request, id, clock.millis()), eventType);
        } catch (IllegalArgumentException e) {
            return new Frame.PlatformError(
                    id,
                    Protocol.BAD_INPUT,
                    "cannot map the request to " + eventType.getName() + ": " + e.getMessage(),
                    false);
        }
        Context context = contexts.of(invoke, log);
        Object result;
        try {
            result = handler.handle(event, context);
        } catch (Throwable thrown) {
            return Failures.functionError(id, thrown);
        }
        try {
            JsonNode tree = result == null ? null : Json.MAPPER.valueToTree(result);
            if (!ApiGatewayEvents.isResponse(tree)) {
                BodyCodec.Encoded encoded = output.encode(result);
                HttpResponse plain = new HttpResponse(200, Map.of(), encoded.body());
                return HttpInvoker.result(
                        id,
                        encoded.contentType() == null
                                ? plain
                                : plain.withHeader(FunctionInvoker.CONTENT_TYPE, encoded.contentType()));
            }
            return HttpInvoker.result(id, ApiGatewayEvents.response(tree));
        } catch (BodyCodec.BodyException | IllegalArgumentException e) {
            return new Frame.PlatformError(id, Protocol.BAD_OUTPUT, e.getMessage(), false);
        }
    }

    /** The HTTP trigger always sends the method; other calls never do. */
    private static boolean fromTrigger(Frame.Invoke invoke) {
        for (Frame.Header header : invoke.headers()) {
            if (header.name().equals(Protocol.METHOD)) {
                return true;
            }
        }
        return false;
    }
}
