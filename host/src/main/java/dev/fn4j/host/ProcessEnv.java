package dev.fn4j.host;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Adds variables to this process's environment as {@code System.getenv} and child processes see
 * it: a stem host learns its function's variables only after its JVM started. Needs
 * {@code java.lang} and {@code java.util} opened to the host (StemAssignment.JVM_OPTIONS); native
 * code calling {@code getenv(3)} still sees the environment the process started with.
 */
final class ProcessEnv {

    private ProcessEnv() {}

    /**
     * Puts {@code variables} into the environment, replacing variables of the same names.
     *
     * @throws IllegalStateException when this JDK keeps its environment in another way, or the
     *     packages are not open to the host
     */
    @SuppressWarnings("unchecked")
    static void putAll(Map<String, String> variables) {
        try {
            Field unmodifiable =
                    Class.forName("java.lang.ProcessEnvironment").getDeclaredField("theUnmodifiableEnvironment");
            unmodifiable.setAccessible(true);
            Object view = unmodifiable.get(null);
            // Collections.unmodifiableMap over the JDK's StringEnvironment, which writes through to
            // the map ProcessBuilder copies for a child.
            Field inner = Class.forName("java.util.Collections$UnmodifiableMap").getDeclaredField("m");
            inner.setAccessible(true);
            ((Map<String, String>) inner.get(view)).putAll(variables);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set the function's environment variables on this JVM: " + e, e);
        }
    }
}
