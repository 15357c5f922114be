package dev.fn4j.runtime.invocation;

import dev.fn4j.runtime.function.FunctionName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One call of a function as the runtime keeps it. Asynchronous invocations keep their request,
 * so they can run again after a crash, and their result; synchronous ones keep status, timing
 * and error only, their result having gone to the caller.
 *
 * @param id the call's request id ({@code Fn-Request-Id}), lower-case hex
 * @param function the function's name
 * @param revision the revision that ran it (for a queued call: the current one when queued)
 * @param async whether it was submitted with {@code Prefer: respond-async}
 * @param status where it is
 * @param attempts how many times it started; more than 1 after a restart re-ran it
 * @param queuedAt when it was accepted
 * @param startedAt when its last attempt started, or null
 * @param endedAt when it ended, or null
 * @param coldStart whether its instance had to start, or null when unknown
 * @param requestBody the call's input (asynchronous calls only), or null
 * @param requestType the input's content type, or null
 * @param resultBody the function's output (asynchronous calls that succeeded), or null
 * @param resultType the output's content type, or null
 * @param errorCode the error code it failed with, or null
 * @param errorMessage the error's message, or null
 * @param logs the lines the function logged during the call, or null when not captured
 * @param method the HTTP method of a synchronous call's request, or null (asynchronous calls,
 *     records from before it was kept)
 * @param path the path of a synchronous call's request as the client sent it, without its query
 *     (which may carry secrets), or null like {@code method}
 */
public record Invocation(
        String id,
        String function,
        long revision,
        boolean async,
        InvocationStatus status,
        int attempts,
        Instant queuedAt,
        Instant startedAt,
        Instant endedAt,
        Boolean coldStart,
        byte[] requestBody,
        String requestType,
        byte[] resultBody,
        String resultType,
        String errorCode,
        String errorMessage,
        String logs,
        String method,
        String path) {

    public Invocation {
        Objects.requireNonNull(id, "id");
        FunctionName.check(function);
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        queuedAt = millis(Objects.requireNonNull(queuedAt, "queuedAt"));
        startedAt = millis(startedAt);
        endedAt = millis(endedAt);
        requestType = cut(text(requestType), MAX_TYPE_LENGTH);
        resultType = cut(text(resultType), MAX_TYPE_LENGTH);
        errorCode = cut(errorCode, MAX_CODE_LENGTH);
        errorMessage = text(errorMessage);
        logs = text(logs);
        method = cut(text(method), MAX_METHOD_LENGTH);
        path = cut(text(path), MAX_PATH_LENGTH);
    }

    /** An invocation without the request's method and path. */
    public Invocation(
            String id,
            String function,
            long revision,
            boolean async,
            InvocationStatus status,
            int attempts,
            Instant queuedAt,
            Instant startedAt,
            Instant endedAt,
            Boolean coldStart,
            byte[] requestBody,
            String requestType,
            byte[] resultBody,
            String resultType,
            String errorCode,
            String errorMessage,
            String logs) {
        this(
                id,
                function,
                revision,
                async,
                status,
                attempts,
                queuedAt,
                startedAt,
                endedAt,
                coldStart,
                requestBody,
                requestType,
                resultBody,
                resultType,
                errorCode,
                errorMessage,
                logs,
                null,
                null);
    }

    /** The instant to the millisecond, as the store keeps it; null stays null. */
    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Text as a database column can hold it: PostgreSQL's text cannot hold NUL. */
    static String text(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    /** Content types longer than this (a hostile header) are cut to fit their column. */
    static final int MAX_TYPE_LENGTH = 255;

    static final int MAX_CODE_LENGTH = 64;

    /** Methods and paths longer than these (a hostile request) are cut to fit their columns. */
    static final int MAX_METHOD_LENGTH = 32;

    static final int MAX_PATH_LENGTH = 1024;

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A newly accepted asynchronous call. */
    public static Invocation queued(
            String id, String function, long revision, Instant at, byte[] body, String contentType) {
        return new Invocation(
                id,
                function,
                revision,
                true,
                InvocationStatus.QUEUED,
                0,
                at,
                null,
                null,
                null,
                body,
                contentType,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * A synchronous call that ended with {@code outcome}: it started when it was admitted, ran
     * once, and keeps no bodies (its result went to the caller).
     */
    public static Invocation sync(String id, String function, long revision, Instant startedAt, Outcome outcome) {
        return sync(id, function, revision, startedAt, outcome, null, null);
    }

    /** A synchronous call that ended with {@code outcome}, made by a {@code method} request to {@code path}. */
    public static Invocation sync(
            String id, String function, long revision, Instant startedAt, Outcome outcome, String method, String path) {
        return new Invocation(
                id,
                function,
                revision,
                false,
                outcome.status(),
                1,
                startedAt,
                startedAt,
                outcome.endedAt(),
                outcome.coldStart(),
                null,
                null,
                null,
                outcome.resultType(),
                outcome.errorCode(),
                outcome.errorMessage(),
                outcome.logs(),
                method,
                path);
    }

    /** The milliseconds from start to end, or null while either is unknown. */
    public Long durationMs() {
        return startedAt == null || endedAt == null ? null : endedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    /**
     * This invocation as it was right after {@code event}: the event's state and attempts, with
     * what was known then. {@code this} must be at least as new as the event; a terminal event
     * shows everything.
     */
    public Invocation asOf(InvocationEvent event) {
        return switch (event.status()) {
            case QUEUED ->
                new Invocation(
                        id,
                        function,
                        revision,
                        async,
                        event.status(),
                        event.attempts(),
                        queuedAt,
                        null,
                        null,
                        null,
                        requestBody,
                        requestType,
                        null,
                        null,
                        null,
                        null,
                        null,
                        method,
                        path);
            case RUNNING ->
                new Invocation(
                        id,
                        function,
                        revision,
                        async,
                        event.status(),
                        event.attempts(),
                        queuedAt,
                        event.at(),
                        null,
                        null,
                        requestBody,
                        requestType,
                        null,
                        null,
                        null,
                        null,
                        null,
                        method,
                        path);
            default ->
                new Invocation(
                        id,
                        function,
                        revision,
                        async,
                        event.status(),
                        event.attempts(),
                        queuedAt,
                        startedAt,
                        endedAt != null ? endedAt : event.at(),
                        coldStart,
                        requestBody,
                        requestType,
                        resultBody,
                        resultType,
                        errorCode,
                        errorMessage,
                        logs,
                        method,
                        path);
        };
    }

    /** This invocation without its request and result bodies, as a history lists it. */
    public Invocation withoutBodies() {
        return withBodies(null, null);
    }

    /**
     * The state changes this invocation's record implies, for a synchronous call, which has no
     * stored events: {@code running} when it started, then its end state.
     */
    public List<InvocationEvent> impliedEvents() {
        List<InvocationEvent> events = new ArrayList<>();
        if (startedAt != null) {
            events.add(new InvocationEvent(1, InvocationStatus.RUNNING, attempts, startedAt));
        }
        if (status.terminal()) {
            events.add(new InvocationEvent(events.size() + 1, status, attempts, endedAt != null ? endedAt : queuedAt));
        }
        return events;
    }

    /** This invocation without its request body, which only re-running it needs. */
    public Invocation withoutRequestBody() {
        return requestBody == null ? this : withBodies(null, resultBody);
    }

    private Invocation withBodies(byte[] request, byte[] result) {
        return new Invocation(
                id,
                function,
                revision,
                async,
                status,
                attempts,
                queuedAt,
                startedAt,
                endedAt,
                coldStart,
                request,
                requestType,
                result,
                resultType,
                errorCode,
                errorMessage,
                logs,
                method,
                path);
    }
}
