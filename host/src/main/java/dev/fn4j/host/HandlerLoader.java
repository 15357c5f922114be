package dev.fn4j.host;

import dev.fn4j.api.Handler;
import dev.fn4j.api.HttpHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Loads the handler class named in FN4J_HANDLER and makes its one instance; every failure is a
 * {@link StartupException} with {@link Exit#BAD_HANDLER} and a message naming the class.
 */
final class HandlerLoader {

    private HandlerLoader() {}

    /**
     * Loads, checks and instantiates the handler.
     *
     * @return a {@link Handler} or an {@link HttpHandler}, never both, or a handler of another
     *     platform that {@link ForeignHandlers} recognises
     */
    static Object load(String className, ClassLoader loader) throws StartupException {
        Class<?> type = loadClass(className, loader);
        boolean plain = Handler.class.isAssignableFrom(type);
        boolean http = HttpHandler.class.isAssignableFrom(type);
        // Lambda's and Cloud Functions' handlers are recognised by name: the host never links their APIs.
        boolean foreign = !plain && !http && ForeignHandlers.recognizes(type);
        if (plain == http && !foreign) {
            throw fail(
                    className,
                    plain
                            ? "implements both dev.fn4j.api.Handler and dev.fn4j.api.HttpHandler; implement one"
                            : "implements neither dev.fn4j.api.Handler nor dev.fn4j.api.HttpHandler");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw fail(className, "is abstract; name a concrete class");
        }
        return instantiate(className, type);
    }

    private static Class<?> loadClass(String className, ClassLoader loader) throws StartupException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw fail(className, "class not found on the classpath");
        } catch (ExceptionInInitializerError e) {
            throw fail(className, "static initializer threw " + describe(e.getCause()), e.getCause());
        } catch (LinkageError e) {
            throw fail(className, "cannot be loaded: " + describe(e), e);
        }
    }

    private static Object instantiate(String className, Class<?> type) throws StartupException {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw fail(className, "has no public no-argument constructor");
        }
        // A public constructor of a package-private class: allowed, both live in the unnamed module.
        constructor.trySetAccessible();
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw fail(className, "constructor threw " + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw fail(className, "cannot be instantiated: " + describe(e), e);
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }

    private static StartupException fail(String className, String reason) {
        return fail(className, reason, null);
    }

    private static StartupException fail(String className, String reason, Throwable cause) {
        return new StartupException(Exit.BAD_HANDLER, "handler " + className + ": " + reason, cause);
    }
}
