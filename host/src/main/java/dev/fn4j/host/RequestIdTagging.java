package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each call with its request id under the key {@value #KEY} in the function's own SLF4J MDC
 * and Log4j ThreadContext, where the function has them, so that a pattern with
 * {@code %X{requestId}} tags its lines; the key is removed when the call returns.
 */
final class RequestIdTagging implements Invoker {

    static final String KEY = "requestId";

    private final Invoker invoker;
    /** Pairs of static put(String, String) and remove(String) handles; empty when no framework is there. */
    private final List<MethodHandle[]> contexts;

    private RequestIdTagging(Invoker invoker, List<MethodHandle[]> contexts) {
        this.invoker = invoker;
        this.contexts = contexts;
    }

    /** The invoker itself when the function has no logging framework with a thread context. */
    static Invoker wrap(Invoker invoker, ClassLoader function) {
        List<MethodHandle[]> contexts = new ArrayList<>();
        // Without a binding, SLF4J would warn on first use of MDC in a function that never logs.
        if (function.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null
                || function.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null) {
            add(contexts, function, "org.slf4j.MDC");
        }
        add(contexts, function, "org.apache.logging.log4j.ThreadContext");
        return contexts.isEmpty() ? invoker : new RequestIdTagging(invoker, List.copyOf(contexts));
    }

    private static void add(List<MethodHandle[]> contexts, ClassLoader function, String className) {
        try {
            Class<?> type = Class.forName(className, false, function);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            contexts.add(new MethodHandle[] {
                lookup.findStatic(type, "put", MethodType.methodType(void.class, String.class, String.class)),
                lookup.findStatic(type, "remove", MethodType.methodType(void.class, String.class))
            });
        } catch (ReflectiveOperationException | LinkageError absent) {
            // Not on the function's class path, or a version without these methods: nothing to tag.
        }
    }

    @Override
    public Frame answer(Frame.Invoke invoke, CapturedLog log) {
        for (MethodHandle[] context : contexts) {
            call(context[0], invoke.requestId());
        }
        try {
            return invoker.answer(invoke, log);
        } finally {
            for (MethodHandle[] context : contexts) {
                call(context[1], null);
            }
        }
    }

    /** Calls put(KEY, id) or remove(KEY); a logging framework that fails here must not fail the call. */
    private static void call(MethodHandle handle, String requestId) {
        try {
            if (requestId == null) {
                handle.invoke(KEY);
            } else {
                handle.invoke(KEY, requestId);
            }
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable ignored) {
            // The call runs untagged.
        }
    }
}
