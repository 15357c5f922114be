package dev.fn4j.maven.core;

import dev.fn4j.client.DeadLetterClient;
import dev.fn4j.client.DeadLetterPage;
import dev.fn4j.client.Invocation;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A function's dead letters for {@code fn:dead-letters}: lists them (every page, oldest first),
 * redrives one by id or all ({@code -Dfn.redrive}), or purges them ({@code -Dfn.purge=true}).
 */
public final class DeadLetterManager {

    /** Which dead letter to run again: an invocation id or {@code all}. */
    public static final Setting REDRIVE = Setting.parameter("redrive", "fn.redrive");
    /** Whether to delete the dead letters. */
    public static final Setting PURGE = Setting.parameter("purge", "fn.purge");

    /** The most dead letters listed; more are counted, not shown. */
    static final int MAX_LISTED = 1000;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{1,64}");

    /** What the goal was asked to do. */
    public sealed interface Action {
        /** List the dead letters. */
        record List() implements Action {}

        /** Redrive one by id, or all when {@code id} is null. */
        record Redrive(String id) implements Action {}

        /** Delete them all. */
        record Purge() implements Action {}
    }

    private final RuntimeConnection connection;
    private final GoalLog log;

    public DeadLetterManager(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.log = log;
    }

    /**
     * Reads the goal's parameters.
     *
     * @throws FnFailureException naming {@code <redrive>} or {@code <purge>} and the bad value,
     *     or both when both are set
     */
    public static Action action(String redrive, String purge) throws FnFailureException {
        String id = redrive == null || redrive.isBlank() ? null : redrive.strip();
        Boolean purging = SettingChecks.bool(purge == null || purge.isBlank() ? null : purge.strip(), PURGE);
        if (id != null && Boolean.TRUE.equals(purging)) {
            throw new FnFailureException(REDRIVE + " and " + PURGE + " are both set: redrive or purge, not"
                    + " both; leave one of them out.");
        }
        if (Boolean.TRUE.equals(purging)) {
            return new Action.Purge();
        }
        if (id == null) {
            return new Action.List();
        }
        if (id.equals("all")) {
            return new Action.Redrive(null);
        }
        if (!ID.matcher(id).matches()) {
            throw new FnFailureException(
                    REDRIVE.invalid(id, "not an invocation id", "use all, or an id that mvn fn:dead-letters lists"));
        }
        return new Action.Redrive(id);
    }

    /** Does {@code action} on the dead letters of function {@code name}. */
    public void run(String name, Action action) throws FnFailureException, FnExecutionException {
        DeadLetterClient client = DeadLetterClient.of(connection.client());
        try {
            if (action instanceof Action.Purge) {
                int purged = client.purge(name);
                log.info("Purged " + purged + " dead letter(s) of '" + name + "' on " + connection.display() + ".");
            } else if (action instanceof Action.Redrive redrive && redrive.id() == null) {
                int redriven = client.redriveAll(name);
                log.info("Redrove " + redriven + " dead letter(s) of '" + name + "' on " + connection.display()
                        + "; they run again with their original input.");
            } else if (action instanceof Action.Redrive redrive) {
                Invocation queued = client.redrive(redrive.id());
                log.info("Redrove " + queued.id() + " of '" + queued.function() + "': it is " + queued.status()
                        + " and runs again with its original input. Follow it with mvn fn:logs.");
            } else {
                list(client, name);
            }
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "manage the dead letters of '" + name + "'");
            throw RuntimeConnection.rejected(
                    api,
                    "The fn4j runtime at " + connection.display() + " refused to manage the dead letters of '"
                            + name + "': " + api.code() + ": " + api.errorMessage()
                            + (api.status() == 404 ? ". See the deployed functions with mvn fn:list." : "."));
        }
    }

    private void list(DeadLetterClient client, String name) throws RuntimeClientException {
        List<Invocation> all = new ArrayList<>();
        String after = null;
        do {
            DeadLetterPage page = client.list(name, after, DeadLetterClient.MAX_PAGE);
            all.addAll(page.deadLetters());
            after = page.next();
        } while (after != null && all.size() < MAX_LISTED);
        if (all.isEmpty()) {
            log.info("Function '" + name + "' on " + connection.display() + " has no dead letters.");
            return;
        }
        log.info(all.size() + (after != null ? "+" : "") + " dead letter(s) of '" + name + "' on "
                + connection.display() + ", oldest first:");
        for (Invocation dead : all) {
            String error = dead.error() == null
                    ? "-"
                    : dead.error().code() + ": " + dead.error().message();
            log.info(dead.queuedAt() + "  " + dead.attempts() + " attempt(s)  " + dead.id() + "  " + error);
        }
        log.info("Run them again with -Dfn.redrive=all (or one id), or delete them with -Dfn.purge=true.");
    }
}
