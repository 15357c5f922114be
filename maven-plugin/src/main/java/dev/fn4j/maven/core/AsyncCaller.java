package dev.fn4j.maven.core;

import dev.fn4j.client.AcceptedInvocation;
import dev.fn4j.client.Invocation;
import dev.fn4j.client.InvocationError;
import dev.fn4j.client.LogLine;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.spec.Field;
import java.time.Duration;

/**
 * Invokes a function asynchronously ({@code Prefer: respond-async}) and follows the invocation to
 * its end: through its event stream, or, when the stream breaks, by asking for its state now and
 * then. Reports every state change to the log, and each line the function writes as it comes;
 * waits at most the given time.
 */
public final class AsyncCaller {

    /** The longest wait setting. */
    public static final Setting WAIT = Setting.parameter("asyncWait", "fn.asyncWait");

    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final RuntimeConnection connection;
    private final GoalLog log;
    private String reported;
    /** Whether the function's lines came live, so its stored log need not be shown again. */
    private boolean streamed;

    /** A caller that invokes through {@code connection} and reports to {@code log}. */
    public AsyncCaller(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.log = log;
    }

    /**
     * Parses the wait setting: {@code <n>ms}, {@code <n>s} or {@code <n>m}, 1ms to 1440m.
     *
     * @throws FnFailureException naming {@code <asyncWait> (-Dfn.asyncWait)} when it is not
     */
    public static Duration parseWait(String value) throws FnFailureException {
        return SettingChecks.parse(
                value == null ? null : value.strip(),
                WAIT,
                Field.IDLE_TIMEOUT::parse,
                Field.IDLE_TIMEOUT.format(),
                "not a duration");
    }

    /**
     * Submits the call and follows it until it ends or {@code maxWait} is over.
     *
     * @return the invocation, succeeded, with its result
     * @throws FnFailureException when the call was refused, the function failed or timed out, or
     *     it had not ended within {@code maxWait}
     * @throws FnExecutionException when the runtime cannot be reached or failed itself
     */
    public Invocation call(String name, InvocationInput input, Duration maxWait)
            throws FnFailureException, FnExecutionException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        AcceptedInvocation accepted;
        try {
            accepted = connection.client().submitAsync(name, input.body(), input.contentType());
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, FunctionCaller.action(name));
            throw FunctionCaller.failed(name, api.code(), api.errorMessage(), "", api);
        }
        String id = accepted.id();
        log.info("Submitted " + name + " asynchronously: invocation " + id + ".");
        Invocation last = follow(id, deadline);
        if (last == null || !last.isFinal()) {
            last = poll(id, deadline, last);
        }
        if (!last.isFinal()) {
            throw new FnFailureException("Invocation " + id + " of '" + name + "' is still "
                    + last.status() + " after " + shortForm(maxWait) + ", as long as " + WAIT
                    + " lets the goal wait. It goes on in the runtime: see how it ends with"
                    + " mvn fn:logs -Dfn.name=" + name + " or GET " + connection.display()
                    + "/v1/invocations/" + id + ", or wait longer with a larger -Dfn.asyncWait.");
        }
        showLogs(last);
        if (last.succeeded()) {
            return last;
        }
        throw failure(name, last);
    }

    /** Follows the event stream; returns the last state it showed, or null. */
    private Invocation follow(String id, long deadline) throws FnFailureException, FnExecutionException {
        String stream = "GET " + connection.display() + "/v1/invocations/" + id + "/events";
        try {
            Invocation last = connection
                    .client()
                    .streamEvents(id, remaining(deadline), event -> report(event.invocation()), this::show);
            if (last != null && !last.isFinal() && !remaining(deadline).isZero()) {
                log.warn("The event stream " + stream + " ended before the invocation did;"
                        + " asking for its state instead.");
            }
            return last;
        } catch (RuntimeClientException e) {
            String why = e instanceof RuntimeApiException api
                    ? connection.apiError(api, "follow invocation " + id).code() + ": " + api.errorMessage()
                    : e.getMessage();
            log.warn("The event stream " + stream + " failed ("
                    + connection.apiKey().redact(why) + "); asking for the invocation's state instead.");
            return null;
        }
    }

    /** Asks for the invocation's state until it is final or the deadline passes. */
    private Invocation poll(String id, long deadline, Invocation last) throws FnFailureException, FnExecutionException {
        Duration pause = FIRST_POLL;
        while (true) {
            try {
                last = connection.client().getInvocation(id);
            } catch (RuntimeClientException e) {
                RuntimeApiException api = connection.apiError(e, "read invocation " + id);
                throw new FnExecutionException(
                        "The fn4j runtime at " + connection.display()
                                + " cannot tell how invocation " + id + " goes: " + api.code() + ": "
                                + api.errorMessage(),
                        api);
            }
            report(last);
            Duration left = remaining(deadline);
            if (last.isFinal() || left.isZero()) {
                return last;
            }
            sleep(pause.compareTo(left) < 0 ? pause : left);
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) < 0 ? pause.multipliedBy(2) : LONGEST_POLL;
        }
    }

    /** Logs the invocation's state when it changed since the last report. */
    private void report(Invocation invocation) {
        String line = describe(invocation);
        if (!line.equals(reported)) {
            reported = line;
            log.info(line);
        }
    }

    /** One state in words: {@code Invocation 01J is running (attempt 2).} */
    static String describe(Invocation invocation) {
        String id = "Invocation " + invocation.id();
        String status = String.valueOf(invocation.status());
        String attempt = invocation.attempts() > 1 ? " (attempt " + invocation.attempts() + ")" : "";
        String took =
                invocation.durationMs() == null ? "" : " " + Elapsed.format(Duration.ofMillis(invocation.durationMs()));
        InvocationError error = invocation.error();
        String because = error == null ? "" : ": " + error.code() + ": " + error.message();
        return switch (status) {
            case Invocation.QUEUED -> id + " is queued" + attempt + ".";
            case Invocation.RUNNING -> id + " is running" + attempt + ".";
            case Invocation.SUCCEEDED ->
                id + " succeeded" + (took.isEmpty() ? "" : " in" + took)
                        + (Boolean.TRUE.equals(invocation.coldStart()) ? " (cold start)" : "") + ".";
            case Invocation.FAILED -> id + " failed" + (took.isEmpty() ? "" : " after" + took) + because + ".";
            case Invocation.TIMED_OUT -> id + " timed out" + (took.isEmpty() ? "" : " after" + took) + because + ".";
            default -> id + " is " + status + attempt + ".";
        };
    }

    /** One line the function wrote, as it comes; the first one heads the log. */
    private void show(LogLine line) {
        if (!streamed) {
            streamed = true;
            log.info("Its log, as it is written:");
        }
        log.info((line.notice() ? "  ! " : "  | ") + line.text());
    }

    private void showLogs(Invocation invocation) {
        if (invocation.logs().isEmpty() || streamed) {
            return;
        }
        log.info("Its log:");
        for (String line : invocation.logs()) {
            log.info("  | " + line);
        }
    }

    private static FnFailureException failure(String name, Invocation invocation) throws FnExecutionException {
        String suffix = " (invocation " + invocation.id() + ")";
        InvocationError error = invocation.error();
        if (Invocation.TIMED_OUT.equals(invocation.status())) {
            String took = invocation.durationMs() == null
                    ? ""
                    : " after " + Elapsed.format(Duration.ofMillis(invocation.durationMs()));
            return new FnFailureException("Function '" + name + "' timed out" + took
                    + (error == null ? "" : ": " + error.code() + ": " + error.message()) + suffix);
        }
        if (error == null) {
            return new FnFailureException(
                    "Function '" + name + "' failed, and the runtime gave no" + " error" + suffix);
        }
        return FunctionCaller.failed(name, error.code(), error.message(), suffix, null);
    }

    /** A duration as it is written in the setting: {@code 15m}, {@code 30s}, {@code 500ms}. */
    static String shortForm(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void sleep(Duration pause) throws FnExecutionException {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FnExecutionException("Interrupted while waiting for the invocation.", e);
        }
    }
}
