package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Map;

/**
 * Google Cloud Functions' {@code HttpFunction}, {@code TypedFunction} and
 * {@code BackgroundFunction} / {@code RawBackgroundFunction} as fn4j handlers.
 */
final class GcfHandlers {

    static final String HTTP_FUNCTION = "com.google.cloud.functions.HttpFunction";
    static final String TYPED_FUNCTION = "com.google.cloud.functions.TypedFunction";
    static final String BACKGROUND_FUNCTION = "com.google.cloud.functions.BackgroundFunction";
    static final String RAW_BACKGROUND_FUNCTION = "com.google.cloud.functions.RawBackgroundFunction";
    static final String CONTEXT = "com.google.cloud.functions.Context";

    private GcfHandlers() {}

    /** An {@code HttpFunction}: {@code service(request, response)} over the call's request. */
    static final class Http implements HttpHandler {
        private final Object target;
        private final Method service;
        private final Class<?> requestType;
        private final Class<?> responseType;

        Http(Object target, Class<?> httpFunction) {
            ClassLoader loader = httpFunction.getClassLoader();
            this.target = target;
            this.requestType = ForeignApi.type(loader, GcfExchange.REQUEST);
            this.responseType = ForeignApi.type(loader, GcfExchange.RESPONSE);
            this.service = ForeignApi.method(httpFunction, "service", requestType, responseType);
        }

        @Override
        public HttpResponse handle(HttpRequest request, Context context) throws Exception {
            GcfExchange exchange = new GcfExchange(request);
            ForeignApi.call(service, target, exchange.request(requestType), exchange.response(responseType));
            return exchange.response();
        }
    }

    /** A {@code TypedFunction} with its default wire format: {@code apply(input)}, mapped as JSON. */
    static final class Typed implements Handler<Object, Object> {
        private final Object target;
        private final Method apply;

        Typed(Object target, Class<?> typedFunction) {
            this.target = target;
            this.apply = ForeignApi.method(typedFunction, "apply", Object.class);
        }

        @Override
        public Object handle(Object input, Context context) throws Exception {
            return ForeignApi.call(apply, target, input);
        }
    }

    /** A {@code TypedFunction} with its own {@code WireFormat}: that reads the request and writes the response. */
    static final class Wired implements HttpHandler {
        private final Typed typed;
        private final Object wireFormat;
        private final Type inputType;
        private final Method deserialize;
        private final Method serialize;
        private final Class<?> requestType;
        private final Class<?> responseType;

        Wired(Typed typed, Object wireFormat, Type inputType) {
            ClassLoader loader = typed.apply.getDeclaringClass().getClassLoader();
            Class<?> format = ForeignApi.type(loader, TYPED_FUNCTION + "$WireFormat");
            this.typed = typed;
            this.wireFormat = wireFormat;
            this.inputType = inputType;
            this.requestType = ForeignApi.type(loader, GcfExchange.REQUEST);
            this.responseType = ForeignApi.type(loader, GcfExchange.RESPONSE);
            this.deserialize = ForeignApi.method(format, "deserialize", requestType, Type.class);
            this.serialize = ForeignApi.method(format, "serialize", Object.class, responseType);
        }

        @Override
        public HttpResponse handle(HttpRequest request, Context context) throws Exception {
            GcfExchange exchange = new GcfExchange(request);
            Object input = ForeignApi.call(deserialize, wireFormat, exchange.request(requestType), inputType);
            Object output = typed.handle(input, context);
            ForeignApi.call(serialize, wireFormat, output, exchange.response(responseType));
            return exchange.response();
        }
    }

    /**
     * A {@code BackgroundFunction<T>} or {@code RawBackgroundFunction}: {@code accept(payload,
     * context)} with the body as the payload and a context whose event id is the request id.
     */
    static final class Background implements Handler<Object, Object> {
        private final Object target;
        private final Method accept;
        private final Class<?> contextType;
        private final Clock clock;

        Background(Object target, Class<?> backgroundFunction, Class<?> payload, Clock clock) {
            this.target = target;
            this.contextType = ForeignApi.type(backgroundFunction.getClassLoader(), CONTEXT);
            this.accept = ForeignApi.method(backgroundFunction, "accept", payload, contextType);
            this.clock = clock;
        }

        @Override
        public Object handle(Object input, Context context) throws Exception {
            String timestamp = clock.instant().toString();
            Object gcfContext = ForeignApi.proxy(contextType, new ForeignApi.Answers() {
                @Override
                Object answer(String name, Object[] arguments) {
                    return switch (name) {
                        case "eventId" -> context.requestId();
                        case "timestamp" -> timestamp;
                        case "eventType" -> "dev.fn4j.invoke";
                        case "resource" -> context.functionName();
                        case "attributes" -> Map.of();
                        default -> UNKNOWN;
                    };
                }
            });
            ForeignApi.call(accept, target, input, gcfContext);
            return null;
        }
    }
}
