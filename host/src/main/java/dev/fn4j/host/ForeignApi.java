package dev.fn4j.host;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Reflection over another platform's function API (AWS Lambda, Google Cloud Functions) that the
 * function brings in its own dependencies: the host never compiles against it, so its interfaces
 * are found by name among the handler's own types and implemented with proxies in its loader.
 */
final class ForeignApi {

    private ForeignApi() {}

    /** The interface named {@code name} that {@code type} implements, directly or inherited; or null. */
    static Class<?> implemented(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                Class<?> found = implemented.getName().equals(name) ? implemented : implemented(implemented, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The public method of a foreign interface; its absence means an API version the host does not know. */
    static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no method " + name + ": an unknown version", e);
        }
    }

    /** The foreign type {@code name} as the function's loader sees it. */
    static Class<?> type(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the function's class path", e);
        }
    }

    /** Calls the function's method, throwing what the function threw, not a reflection wrapper. */
    static Object call(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof Exception exception) {
                throw exception;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A proxy implementing the foreign interface in its own loader. */
    static Object proxy(Class<?> type, Answers answers) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, answers);
    }

    /**
     * Answers a proxy's calls by method name; equals, hashCode and toString are identity-based,
     * default methods run their own body unless {@link #answer} knows them.
     */
    abstract static class Answers implements InvocationHandler {

        /** Marks a method {@link #answer} does not know. */
        static final Object UNKNOWN = new Object();

        /** The result of the named method, or {@link #UNKNOWN}. */
        abstract Object answer(String name, Object[] arguments) throws Exception;

        @Override
        public final Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object[] args = arguments == null ? new Object[0] : arguments;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default ->
                        "fn4j " + proxy.getClass().getInterfaces()[0].getName() + "@"
                                + Integer.toHexString(System.identityHashCode(proxy));
                };
            }
            Object answer = answer(method.getName(), args);
            if (answer != UNKNOWN) {
                return answer;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, arguments);
            }
            // A method of a newer API version: its zero value rather than a failed call.
            Class<?> returned = method.getReturnType();
            if (!returned.isPrimitive()) {
                return null;
            }
            return returned == boolean.class ? Boolean.FALSE : returned == void.class ? null : zero(returned);
        }

        private static Object zero(Class<?> primitive) {
            if (primitive == long.class) {
                return 0L;
            }
            if (primitive == double.class) {
                return 0.0;
            }
            if (primitive == float.class) {
                return 0.0f;
            }
            if (primitive == char.class) {
                return (char) 0;
            }
            if (primitive == byte.class) {
                return (byte) 0;
            }
            return primitive == short.class ? (short) 0 : 0;
        }
    }
}
