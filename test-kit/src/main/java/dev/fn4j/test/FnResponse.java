package dev.fn4j.test;

import dev.fn4j.host.InProcessHost;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller of the platform would get back from one call of a {@link LocalFunction}: a
 * status, headers and body, or an {@link FnError}; plus what the call logged. Immutable.
 */
public final class FnResponse {

    private final String requestId;
    private final int status;
    /** Lower-case names; empty for an error. */
    private final Map<String, List<String>> headers;

    private final byte[] body;
    /** Null when the call succeeded. */
    private final FnError error;

    private final String logs;

    FnResponse(
            String requestId, int status, Map<String, List<String>> headers, byte[] body, FnError error, String logs) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.error = error;
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    public String requestId() {
        return requestId;
    }

    /** Whether the platform would answer with the function's output rather than an error. */
    public boolean isSuccess() {
        return error == null;
    }

    /** The HTTP status: 200 (or an HttpHandler's own) on success, the error's status otherwise. */
    public int status() {
        return error == null ? status : error.status();
    }

    /** The error the platform would answer; empty on success. */
    public Optional<FnError> error() {
        return Optional.ofNullable(error);
    }

    /** The response headers, names in lower case; {@code content-type} is there for JSON and text. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of the {@code content-type} header, or null for an empty output. */
    public String contentType() {
        List<String> values = headers.get("content-type");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body's bytes; empty for an error and for a null output. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body as UTF-8 text: the JSON, for a handler whose output is an object. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read back as the production mapping reads a value of that type.
     *
     * @throws AssertionError when the call failed or the body is no value of the type
     */
    public <T> T as(Class<T> type) {
        return type.cast(as((Type) type));
    }

    /** The body read back as a value of a generic type, such as a {@code List<Order>}. */
    public Object as(Type type) {
        expectSuccess();
        try {
            return InProcessHost.decode(body, type);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(
                    "the output does not read back as " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** What the call wrote through its Context's logger and to System.out and System.err. */
    public String logs() {
        return logs;
    }

    /** {@link #logs()} as lines, without line ends. */
    public List<String> logLines() {
        return logs.isEmpty() ? List.of() : List.of(logs.split("\n"));
    }

    /**
     * Checks that the call succeeded.
     *
     * @return this, for chaining
     * @throws AssertionError naming the platform's error code and message otherwise
     */
    public FnResponse expectSuccess() {
        if (error != null) {
            throw new AssertionError("expected the call " + requestId + " to succeed, but the platform would answer "
                    + error + (error.stackTrace() == null ? "" : "\n" + error.stackTrace())
                    + (logs.isEmpty() ? "" : "\nits logs:\n" + logs));
        }
        return this;
    }

    /**
     * Checks that the call failed with the code.
     *
     * @return the error
     * @throws AssertionError when it succeeded or failed with another code
     */
    public FnError expectError(String code) {
        if (error == null) {
            throw new AssertionError("expected the call " + requestId + " to fail with " + code
                    + ", but it succeeded with " + status + ": " + text());
        }
        if (!error.code().equals(code)) {
            throw new AssertionError("expected the call " + requestId + " to fail with " + code + ", but got " + error);
        }
        return error;
    }

    @Override
    public String toString() {
        return error != null ? error.toString() : status + " " + contentType() + " " + text();
    }
}
