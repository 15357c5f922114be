package dev.fn4j.maven.core;

import dev.fn4j.client.InvocationResponse;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClientException;
import java.util.Set;

/** Invokes a deployed function and words a failed call for the user. */
public final class FunctionCaller {

    /** Error codes that mean the platform, not the function or the caller, failed. */
    private static final Set<String> PLATFORM_CODES =
            Set.of("internal_error", "engine_unavailable", "shutting_down", "start_failed");

    private final RuntimeConnection connection;

    /** A caller that invokes through {@code connection}. */
    public FunctionCaller(RuntimeConnection connection) {
        this.connection = connection;
    }

    /**
     * Calls the function and returns its answer.
     *
     * @throws FnFailureException when the function failed or the call was refused, for example
     *     {@code Function 'hello' failed: function_error: java.lang.IllegalStateException: boom}
     * @throws FnExecutionException when the runtime cannot be reached or failed itself
     */
    public InvocationResponse call(String name, InvocationInput input) throws FnFailureException, FnExecutionException {
        try {
            return connection.client().invoke(name, input.body(), input.contentType());
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, action(name));
            throw failed(name, api.code(), api.errorMessage(), "", api);
        }
    }

    /** What an invocation does, for "refused to ...". */
    static String action(String name) {
        return "invoke function '" + name + "'";
    }

    /**
     * The failure for a call that ended with an error: the user's ({@link FnFailureException}),
     * returned to be thrown, unless the code says the platform failed, which is thrown here.
     *
     * @param suffix appended to the message, e.g. {@code  (invocation <id>)}; may be empty
     * @throws FnExecutionException when the code says the platform failed
     */
    static FnFailureException failed(String name, String code, String message, String suffix, Throwable cause)
            throws FnExecutionException {
        String text = "Function '" + name + "' failed: " + code + ": " + message + suffix;
        if (isPlatform(code)) {
            throw new FnExecutionException(text, cause);
        }
        return new FnFailureException(text, cause);
    }

    /** Whether the error code means the platform, not the function or the caller, failed. */
    static boolean isPlatform(String code) {
        return PLATFORM_CODES.contains(code);
    }
}
