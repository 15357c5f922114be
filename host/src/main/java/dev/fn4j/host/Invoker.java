package dev.fn4j.host;

import dev.fn4j.api.Handler;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.protocol.Frame;

/** Runs a function once per Invoke frame and returns its one answer; thread-safe. */
interface Invoker {

    /**
     * Runs the handler on one call.
     *
     * @param log the call's log, where the Context's logger writes besides stderr
     * @return a Result, a FunctionError or a non-fatal PlatformError carrying the call's request id
     * @throws VirtualMachineError when {@link Exit#isFatal} holds: the JVM cannot be trusted any more
     */
    Frame answer(Frame.Invoke invoke, CapturedLog log);

    /** The invoker of a handler that {@link HandlerLoader} made, fn4j's own or another platform's. */
    static Invoker forHandler(Object handler, Contexts contexts) {
        if (handler instanceof HttpHandler http) {
            return new HttpInvoker(http, contexts);
        }
        if (handler instanceof Handler<?, ?> plain) {
            return new FunctionInvoker(plain, HandlerTypes.of(plain.getClass()), contexts);
        }
        Invoker foreign = ForeignHandlers.invoker(handler, contexts);
        if (foreign != null) {
            return foreign;
        }
        throw new IllegalArgumentException(
                "not a handler: " + handler.getClass().getName());
    }
}
