package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.callback.Callbacks;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.schedule.Scheduler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What completion callbacks and schedules add to the API: the {@code X-Callback-Url} of an
 * asynchronous call, a function's next scheduled runs, and an invocation's schedule tick and
 * callback deliveries. Either part may be absent (null), as in tests of the core API.
 */
public record Addons(Callbacks callbacks, Scheduler scheduler) {

    /** Neither callbacks nor schedules. */
    public static final Addons NONE = new Addons(null, null);

    static final HttpString CALLBACK_URL = HttpString.tryFromString("X-Callback-Url");
    /** How many next runs a function's view shows. */
    static final int NEXT_RUNS = 5;

    /**
     * Submits an asynchronous call, registering its {@code X-Callback-Url} first (so that its
     * final state cannot come before the registration) and forgetting it if the call is refused.
     */
    Invocation submit(HttpServerExchange exchange, String function, String id, Supplier<Invocation> submit) {
        String url = exchange.getRequestHeaders().getFirst(CALLBACK_URL);
        if (url == null) {
            return submit.get();
        }
        if (callbacks == null) {
            throw new ApiException(
                    ErrorCode.CALLBACK_NOT_ALLOWED,
                    "X-Callback-Url " + quote(url) + " is not allowed: this runtime delivers no callbacks");
        }
        callbacks.register(id, function, url);
        try {
            return submit.get();
        } catch (RuntimeException e) {
            callbacks.forget(id);
            throw e;
        }
    }

    /** Refuses {@code X-Callback-Url} on a call answered at once: it would never be delivered. */
    static void refuseCallback(HttpServerExchange exchange) {
        if (exchange.getRequestHeaders().contains(CALLBACK_URL)) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "X-Callback-Url applies to asynchronous calls only: add the header Prefer: respond-async");
        }
    }

    /** {@code nextScheduledRuns} of a function's detailed view: empty without a schedule. */
    Map<String, Object> ofFunction(Function function) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (scheduler != null) {
            json.put("nextScheduledRuns", scheduler.nextTicks(function, NEXT_RUNS));
        }
        return json;
    }

    /** {@code scheduledFor} and {@code callback} of an invocation's view, null when it has none. */
    Map<String, Object> ofInvocation(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (scheduler != null) {
            json.put("scheduledFor", scheduler.scheduledFor(id).orElse(null));
        }
        if (callbacks != null) {
            json.put("callback", callbacks.view(id).orElse(null));
        }
        return json;
    }
}
