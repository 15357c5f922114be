package dev.fn4j.maven.core;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shows a function's last invocations with their logs ({@code fn:logs}). */
public final class InvocationHistory {

    /** The invocation count setting. */
    public static final Setting LIMIT = Setting.parameter("limit", "fn.limit");

    private final RuntimeConnection connection;
    private final GoalLog log;

    /** A history read through {@code connection}, shown on {@code log}. */
    public InvocationHistory(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.log = log;
    }

    /**
     * Parses the invocation count.
     *
     * @throws FnFailureException naming {@code <limit> (-Dfn.limit)} unless it is 1 to 100
     */
    public static int parseLimit(String value) throws FnFailureException {
        Integer limit = SettingChecks.wholeNumber(
                value == null ? null : value.strip(),
                LIMIT,
                n -> {
                    if (n < 1 || n > RuntimeClient.MAX_INVOCATIONS) {
                        throw new IllegalArgumentException();
                    }
                    return n;
                },
                "use 1 to " + RuntimeClient.MAX_INVOCATIONS);
        return limit == null ? 10 : limit;
    }

    /**
     * Logs the function's last {@code limit} invocations, oldest first (the newest is last, next
     * to the prompt): when, status, duration, cold or warm, id; then the times, the error and the
     * function's log lines, indented.
     *
     * @return the invocations shown, oldest first
     * @throws FnFailureException when the runtime has no such function
     */
    public List<Invocation> show(String name, int limit) throws FnFailureException, FnExecutionException {
        List<Invocation> invocations;
        try {
            invocations = new ArrayList<>(connection.client().listInvocations(name, limit));
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "read the invocations of function '" + name + "'");
            if (api.status() == 404) {
                throw new FnFailureException(
                        "No function named '" + name + "' on "
                                + connection.display() + ": " + api.code() + ": " + api.errorMessage()
                                + ". See the deployed functions with mvn fn:list, and name one with -Dfn.name.",
                        api);
            }
            throw new FnExecutionException(
                    "The fn4j runtime at " + connection.display()
                            + " cannot show the invocations of '" + name + "': " + api.code() + ": "
                            + api.errorMessage(),
                    api);
        }
        if (invocations.isEmpty()) {
            log.info("Function '" + name + "' on " + connection.display()
                    + " has no invocations yet: call it with mvn fn:invoke.");
            return List.of();
        }
        Collections.reverse(invocations);
        log.info((invocations.size() == 1 ? "The last invocation" : "The last " + invocations.size() + " invocations")
                + " of '" + name + "' on " + connection.display()
                + (invocations.size() == 1 ? ":" : ", newest last:"));
        List<String[]> rows = new ArrayList<>();
        for (Invocation invocation : invocations) {
            rows.add(new String[] {
                orDash(invocation.queuedAt()),
                status(invocation.status()),
                duration(invocation),
                start(invocation),
                orDash(invocation.id())
            });
        }
        List<String> lines = Columns.align(rows);
        for (int i = 0; i < invocations.size(); i++) {
            Invocation invocation = invocations.get(i);
            log.info(lines.get(i));
            log.info("    " + details(invocation));
            if (invocation.error() != null) {
                indented(
                        "    error: ",
                        invocation.error().code() + ": " + invocation.error().message());
            }
            for (String line : invocation.logs()) {
                log.info("    | " + line);
            }
        }
        return List.copyOf(invocations);
    }

    private void indented(String first, String text) {
        String[] lines = text.split("\\R", -1);
        log.info(first + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            log.info(" ".repeat(first.length()) + lines[i]);
        }
    }

    private static String details(Invocation invocation) {
        List<String> parts = new ArrayList<>();
        if (invocation.revision() != null) {
            parts.add("revision " + invocation.revision());
        }
        if (invocation.attempts() > 1) {
            parts.add(invocation.attempts() + " attempts");
        }
        parts.add("started " + orDash(invocation.startedAt()));
        parts.add("ended " + orDash(invocation.endedAt()));
        return String.join(", ", parts);
    }

    private static String status(String status) {
        return status == null ? "-" : status.replace('_', ' ');
    }

    private static String duration(Invocation invocation) {
        return invocation.durationMs() == null ? "-" : Elapsed.format(Duration.ofMillis(invocation.durationMs()));
    }

    private static String start(Invocation invocation) {
        if (invocation.coldStart() == null) {
            return "-";
        }
        return invocation.coldStart() ? "cold" : "warm";
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
