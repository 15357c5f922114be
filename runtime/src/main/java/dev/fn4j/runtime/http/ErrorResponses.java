package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ApiFailure;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.log.ExpectedFailures;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into the API's error shape: {@code {"error": {"code", "message", …}}}. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final HttpString RETRY_AFTER = HttpString.tryFromString("Retry-After");

    private ErrorResponses() {}

    /**
     * Maps a failure to an ApiException: its own, or the one an {@link ApiFailure} of a lower layer
     * names; unexpected ones become {@code internal_error}.
     */
    public static ApiException toApi(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ApiFailure known) {
            ApiException api = known.toApi();
            if (api.code() == ErrorCode.DATABASE_UNAVAILABLE) {
                LOG.error("database failure", failure);
            }
            return api;
        }
        if (ExpectedFailures.clientHungUp(failure)) {
            LOG.info("the client hung up mid-request: {}", failure.toString());
        } else {
            LOG.error("unexpected failure", failure);
        }
        return new ApiException(
                ErrorCode.INTERNAL_ERROR,
                "the runtime failed unexpectedly (" + failure.getClass().getSimpleName() + "); see the runtime's log",
                failure);
    }

    /** Sends the error unless a response has already started. */
    public static void send(HttpServerExchange exchange, Throwable failure, boolean withDetails) {
        ApiException error = toApi(failure);
        if (exchange.isResponseStarted()) {
            LOG.warn(
                    "cannot report {} after the response started: {}",
                    error.code().code(),
                    error.getMessage());
            exchange.endExchange();
            return;
        }
        if (error.retryAfter() != null) {
            exchange.getResponseHeaders().put(RETRY_AFTER, retryAfterSeconds(error));
        }
        Json.send(exchange, error.code().status(), body(error, withDetails));
    }

    /** The error's body: {@code {"error": {"code", "message", …}}}. */
    static Map<String, Object> body(ApiException error, boolean withDetails) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", error.code().code());
        body.put("message", error.getMessage());
        if (withDetails) {
            body.putAll(error.details());
        } else if (error.details().containsKey("errorType")) {
            body.put("errorType", error.details().get("errorType"));
        }
        return Map.of("error", body);
    }

    /** The {@code Retry-After} value of an error that has one: whole seconds, at least 1. */
    static String retryAfterSeconds(ApiException error) {
        return Long.toString(Math.max(1, (error.retryAfter().toMillis() + 999) / 1000));
    }
}
