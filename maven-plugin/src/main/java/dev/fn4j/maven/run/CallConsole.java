package dev.fn4j.maven.run;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.maven.core.GoalLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shows each call of the served functions once it has ended (method and path, status, duration,
 * cold or warm, revision) with the lines the function logged, read from the runtime's invocation records.
 */
final class CallConsole {

    /** Calls read per function and poll; more between two polls are summarized. */
    static final int PER_POLL = 50;

    /** Ids remembered as shown; older ones fall out (they are far past any poll's window). */
    private static final int REMEMBERED = 1000;

    private final RuntimeClient client;
    private final GoalLog log;
    /** Ids of the calls already shown (or there before the run), oldest first. */
    private final Set<String> shown = new LinkedHashSet<>();
    /** The functions whose calls were read once: the calls there before the run are not shown. */
    private final Set<String> primed = new HashSet<>();

    CallConsole(RuntimeClient client, GoalLog log) {
        this.client = client;
        this.log = log;
    }

    /**
     * Shows the calls of {@code functions} that ended since the last poll; a function's first
     * poll only takes note of the calls it already had.
     */
    void poll(List<String> functions) {
        for (String function : functions) {
            List<Invocation> recent;
            try {
                recent = new ArrayList<>(client.listInvocations(function, PER_POLL));
            } catch (RuntimeClientException e) {
                // Not deployed (yet) or the runtime is stopping: the next poll tries again.
                log.debug("Cannot read the calls of " + function + ": " + e.getMessage());
                continue;
            }
            // The runtime lists the newest first; the console shows them in the order they came.
            Collections.reverse(recent);
            boolean seenBefore = primed.contains(function);
            for (Invocation invocation : recent) {
                if (invocation.isFinal() && shown.add(invocation.id()) && seenBefore) {
                    show(invocation);
                }
            }
            primed.add(function);
        }
        while (shown.size() > REMEMBERED) {
            shown.remove(shown.iterator().next());
        }
    }

    private void show(Invocation call) {
        log.info(line(call));
        for (String logged : call.logs()) {
            log.info("    " + call.function() + " | " + logged);
        }
    }

    /**
     * One line for a call, the only place its format is written: function, the request's method
     * and path (a synchronous call's; an asynchronous one has none), outcome, duration, cold or
     * warm, revision, id.
     */
    static String line(Invocation call) {
        String outcome = call.succeeded()
                ? "ok"
                : call.status()
                        + (call.error() == null
                                ? ""
                                : " " + call.error().code() + ": "
                                        + call.error().message());
        return "-> " + call.function()
                + (call.method() == null ? "" : " " + call.method() + " " + call.path())
                + " " + outcome
                + (call.durationMs() == null ? "" : " in " + call.durationMs() + " ms")
                + (call.coldStart() == null ? "" : call.coldStart() ? " (cold start)" : " (warm)")
                + (call.revision() == null ? "" : " revision " + call.revision())
                + " [" + call.id() + "]";
    }
}
