package dev.fn4j.maven.core;

import dev.fn4j.client.InvocationResponse;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.client.RuntimeUnreachableException;
import java.util.Set;

/** Invokes a deployed function and words a failed call for the user. */
public final class FunctionCaller {

    /** Error codes that mean the platform, not the function or the caller, failed. */
    private static final Set<String> PLATFORM_CODES = Set.of(
            "internal_error", "engine_unavailable", "shutting_down", "start_failed");

    private final RuntimeClient client;

    /** A caller that invokes through {@code client}. */
    public FunctionCaller(RuntimeClient client) {
        this.client = client;
    }

    /**
     * Calls the function and returns its answer.
     *
     * @throws FnFailureException when the function failed or the call was refused, for example
     *     {@code Function 'hello' failed: function_error: java.lang.IllegalStateException: boom}
     * @throws FnExecutionException when the runtime cannot be reached or failed itself
     */
    public InvocationResponse call(String name, InvocationInput input)
            throws FnFailureException, FnExecutionException {
        try {
            return client.invoke(name, input.body(), input.contentType());
        } catch (RuntimeUnreachableException e) {
            throw RuntimeConnection.unreachable(e);
        } catch (RuntimeApiException e) {
            if (RuntimeConnection.isAuthFailure(e)) {
                throw RuntimeConnection.authFailure(client, e);
            }
            String message = "Function '" + name + "' failed: " + e.code() + ": " + e.errorMessage();
            if (PLATFORM_CODES.contains(e.code())) {
                throw new FnExecutionException(message, e);
            }
            throw new FnFailureException(message, e);
        } catch (RuntimeClientException e) {
            throw new FnExecutionException(e.getMessage(), e);
        }
    }
}
