package dev.fn4j.host;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.List;

/**
 * Recognises handlers written for AWS Lambda ({@code RequestHandler}, {@code RequestStreamHandler})
 * and Google Cloud Functions ({@code HttpFunction}, {@code TypedFunction},
 * {@code BackgroundFunction}, {@code RawBackgroundFunction}) by the names of the interfaces they
 * implement, and makes their invokers; the first interface of {@link #INTERFACES} a class
 * implements decides.
 */
final class ForeignHandlers {

    /** Every interface recognised, in the order that decides for a class implementing several. */
    static final List<String> INTERFACES = List.of(
            LambdaHandlers.REQUEST_HANDLER,
            LambdaHandlers.STREAM_HANDLER,
            GcfHandlers.HTTP_FUNCTION,
            GcfHandlers.TYPED_FUNCTION,
            GcfHandlers.BACKGROUND_FUNCTION,
            GcfHandlers.RAW_BACKGROUND_FUNCTION);

    private ForeignHandlers() {}

    /** Whether the class implements one of the recognised interfaces. */
    static boolean recognizes(Class<?> type) {
        for (String name : INTERFACES) {
            if (ForeignApi.implemented(type, name) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The invoker of a recognised handler; null when the handler is none.
     *
     * @throws IllegalStateException when the API on the function's class path is a version the host does not know
     */
    static Invoker invoker(Object handler, Contexts contexts) {
        Class<?> type = handler.getClass();
        for (String name : INTERFACES) {
            Class<?> api = ForeignApi.implemented(type, name);
            if (api != null) {
                return invoker(handler, name, api, contexts, contexts.clock());
            }
        }
        return null;
    }

    private static Invoker invoker(Object handler, String name, Class<?> api, Contexts contexts, Clock clock) {
        Type[] types = HandlerTypes.arguments(handler.getClass(), api);
        switch (name) {
            case LambdaHandlers.REQUEST_HANDLER -> {
                HandlerTypes.Resolved resolved = new HandlerTypes.Resolved(types[0], types[1]);
                LambdaHandlers.Request adapter = new LambdaHandlers.Request(handler, api);
                return resolved.input() instanceof Class<?> input && ApiGatewayEvents.isEvent(input)
                        ? new ApiGatewayInvoker(adapter, resolved, contexts, clock)
                        : new FunctionInvoker(adapter, resolved, contexts);
            }
            case LambdaHandlers.STREAM_HANDLER -> {
                return new FunctionInvoker(
                        new LambdaHandlers.Stream(handler, api),
                        new HandlerTypes.Resolved(byte[].class, byte[].class),
                        contexts);
            }
            case GcfHandlers.HTTP_FUNCTION -> {
                return new HttpInvoker(new GcfHandlers.Http(handler, api), contexts);
            }
            case GcfHandlers.TYPED_FUNCTION -> {
                GcfHandlers.Typed typed = new GcfHandlers.Typed(handler, api);
                Object wireFormat = wireFormat(handler, ForeignApi.method(api, "getWireFormat"));
                return wireFormat == null
                        ? new FunctionInvoker(typed, new HandlerTypes.Resolved(types[0], types[1]), contexts)
                        : new HttpInvoker(new GcfHandlers.Wired(typed, wireFormat, types[0]), contexts);
            }
            default -> {
                // BackgroundFunction<T> binds T; RawBackgroundFunction takes the body as a String.
                Type payload = types.length == 0 ? String.class : types[0];
                Class<?> erased = types.length == 0 ? String.class : Object.class;
                return new FunctionInvoker(
                        new GcfHandlers.Background(handler, api, erased, clock),
                        new HandlerTypes.Resolved(payload, Void.class),
                        contexts);
            }
        }
    }

    private static Object wireFormat(Object handler, Method getWireFormat) {
        try {
            return ForeignApi.call(getWireFormat, handler);
        } catch (Exception e) {
            throw new IllegalStateException("getWireFormat() threw " + e, e);
        }
    }
}
