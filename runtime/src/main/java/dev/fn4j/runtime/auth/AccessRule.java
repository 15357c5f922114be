package dev.fn4j.runtime.auth;

import java.util.function.Predicate;

/**
 * Which scope a request needs, from its method and path: health and metrics are open, calling a
 * function and reading its calls need {@code invoke}, everything else under {@code /v1} needs
 * {@code admin}, and a public function's trigger needs nothing.
 */
public final class AccessRule {

    private final Predicate<String> isPublicFunction;

    /** @param isPublicFunction whether the named function's trigger is open to anyone; must not block */
    public AccessRule(Predicate<String> isPublicFunction) {
        this.isPublicFunction = isPublicFunction;
    }

    /** The scope needed, or null when the request needs no key. */
    public Scope required(String method, String path) {
        if (path.equals("/healthz") || path.equals("/metrics")) {
            return null;
        }
        if (path.startsWith("/fn/") || path.equals("/fn")) {
            String rest = path.length() > 4 ? path.substring(4) : "";
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            return isPublicFunction.test(name) ? null : Scope.INVOKE;
        }
        if ((method.equals("POST") || method.equals("GET")) && isInvocationsOfOne(path)) {
            return Scope.INVOKE;
        }
        if (method.equals("GET") && path.startsWith("/v1/invocations/")) {
            return Scope.INVOKE;
        }
        return Scope.ADMIN;
    }

    /** Whether the path is {@code /v1/functions/<one segment>/invocations}. */
    private static boolean isInvocationsOfOne(String path) {
        String prefix = "/v1/functions/";
        String suffix = "/invocations";
        if (!path.startsWith(prefix) || !path.endsWith(suffix)
                || path.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        return path.indexOf('/', prefix.length()) == path.length() - suffix.length();
    }
}
