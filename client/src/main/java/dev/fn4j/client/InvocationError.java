package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Why an invocation failed, as its {@code error} field says.
 *
 * @param code the runtime's stable error code, for example {@code function_error} or
 *     {@code function_timeout}
 * @param message the runtime's message, meant for people; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvocationError(String code, String message) {

    /** Replaces a missing code or message by an empty one. */
    public InvocationError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }
}
