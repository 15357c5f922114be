package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backlog of asynchronous invocations in table {@code invocations}, with their attempts in
 * {@code invocation_attempts}. A claim is {@code SELECT … FOR UPDATE SKIP LOCKED} followed by
 * the update to {@code running} in the same transaction, on PostgreSQL and on H2 alike (H2 2.x
 * has the same clause; an H2 file belongs to one runtime anyway). A row changes from
 * {@code running} only while it is running, so a late second finisher fails instead of
 * overwriting.
 */
public final class QueueTable implements InvocationQueue {

    private final Database database;
    private final DeadLetters deadLetters;

    public QueueTable(Database database) {
        this.database = database;
        this.deadLetters = new DeadLetters(database);
    }

    @Override
    public List<Transition> enqueue(List<Invocation> invocations) {
        for (Invocation invocation : invocations) {
            if (invocation.status() != InvocationStatus.QUEUED || !invocation.async()) {
                throw new IllegalArgumentException("not a queued asynchronous call: " + invocation.id());
            }
        }
        if (invocations.isEmpty()) {
            return List.of();
        }
        return database.write("queueing " + invocations.size() + " invocation(s)", connection -> {
            InvocationTable.insert(connection, invocations);
            List<Transition> queued = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO invocation_events (invocation_id, seq, status, attempts, happened_at)"
                            + " VALUES (?, 1, 'queued', 0, ?)")) {
                for (Invocation invocation : invocations) {
                    insert.setString(1, invocation.id());
                    Database.setInstant(insert, 2, invocation.queuedAt());
                    insert.addBatch();
                    queued.add(new Transition(
                            invocation, new InvocationEvent(1, InvocationStatus.QUEUED, 0, invocation.queuedAt())));
                }
                insert.executeBatch();
            }
            return queued;
        });
    }

    @Override
    public List<Claimed> claim(
            String function, long revision, int limit, String owner, Instant now, Instant leaseUntil) {
        if (limit < 1) {
            return List.of();
        }
        return database.write("claiming invocations of '" + function + "'", connection -> {
            List<String> ids = new ArrayList<>();
            Map<String, Integer> bases = new LinkedHashMap<>();
            try (PreparedStatement pick = connection.prepareStatement("SELECT id, attempt_base FROM invocations"
                    + " WHERE function_name = ? AND status = 'queued' AND is_async"
                    + " AND (not_before IS NULL OR not_before <= ?)"
                    + " ORDER BY queued_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                pick.setString(1, function);
                Database.setInstant(pick, 2, now);
                pick.setInt(3, limit);
                try (ResultSet rows = pick.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        bases.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE invocations SET status = 'running',"
                    + " attempts = attempts + 1, revision = ?, started_at = ?, ended_at = NULL,"
                    + " not_before = NULL, lease_owner = ?, lease_until = ? WHERE id = ?")) {
                for (String id : ids) {
                    update.setLong(1, revision);
                    Database.setInstant(update, 2, now);
                    update.setString(3, owner);
                    Database.setInstant(update, 4, leaseUntil);
                    update.setString(5, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            List<Claimed> claimed = new ArrayList<>();
            for (String id : ids) {
                Transition running = change(connection, id, InvocationStatus.RUNNING, now, true);
                claimed.add(new Claimed(running, running.invocation().attempts() - bases.get(id)));
            }
            return claimed;
        });
    }

    @Override
    public Transition end(String id, Outcome outcome, boolean deadLettered) {
        InvocationStatus status = deadLettered ? InvocationStatus.DEAD_LETTERED : outcome.status();
        return database.write("ending invocation " + id, connection -> {
            recordAttempt(connection, id, outcome.endedAt(), outcome.status().wire(), outcome);
            try (PreparedStatement update = connection.prepareStatement("UPDATE invocations SET "
                    + InvocationTable.END_ASSIGNMENTS
                    + ", lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'running'")) {
                update.setString(InvocationTable.bindEnd(update, status, outcome), id);
                InvocationTable.requireOne(update.executeUpdate(), id);
            }
            return change(connection, id, status, outcome.endedAt(), false);
        });
    }

    @Override
    public Transition retryLater(String id, Outcome failed, Instant notBefore) {
        return database.write("queueing invocation " + id + " for a retry", connection -> {
            recordAttempt(connection, id, failed.endedAt(), failed.status().wire(), failed);
            try (PreparedStatement update = connection.prepareStatement("UPDATE invocations SET status = 'queued',"
                    + " not_before = ?, error_code = ?, error_message = ?, logs = ?, lease_owner = NULL,"
                    + " lease_until = NULL WHERE id = ? AND status = 'running'")) {
                Database.setInstant(update, 1, notBefore);
                update.setString(2, failed.errorCode());
                update.setString(3, failed.errorMessage());
                update.setString(4, failed.logs());
                update.setString(5, id);
                InvocationTable.requireOne(update.executeUpdate(), id);
            }
            return change(connection, id, InvocationStatus.QUEUED, failed.endedAt(), false);
        });
    }

    @Override
    public List<Transition> requeueRunning(String owner, Instant at) {
        return database.write(
                "queueing again the invocations left running",
                connection -> requeueRunning(connection, owner, true, at));
    }

    /**
     * Queues again, in the caller's transaction, the asynchronous invocations {@code owner} left
     * running (and, when {@code orUnowned}, those running without an owner), recording each cut
     * attempt as {@code interrupted}.
     */
    static List<Transition> requeueRunning(Connection connection, String owner, boolean orUnowned, Instant at)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM invocations WHERE status ="
                + " 'running' AND is_async AND (lease_owner = ?" + (orUnowned ? " OR lease_owner IS NULL" : "")
                + ") ORDER BY queued_at, id FOR UPDATE")) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        List<Transition> requeued = new ArrayList<>();
        for (String id : ids) {
            recordAttempt(connection, id, at, Attempt.INTERRUPTED, null);
            try (PreparedStatement update = connection.prepareStatement("UPDATE invocations SET status ="
                    + " 'queued', lease_owner = NULL, lease_until = NULL WHERE id = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
            requeued.add(change(connection, id, InvocationStatus.QUEUED, at, false));
        }
        return requeued;
    }

    @Override
    public Map<String, Integer> backlog() {
        return database.read("counting the backlog", connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT function_name, COUNT(*) FROM"
                            + " invocations WHERE is_async AND status IN ('queued', 'running')"
                            + " GROUP BY function_name");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        });
    }

    @Override
    public List<Attempt> attempts(String id) {
        return database.read("reading the attempts of invocation " + id, connection -> {
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT attempt, started_at, ended_at,"
                    + " outcome, error_code, error_message FROM invocation_attempts"
                    + " WHERE invocation_id = ? ORDER BY attempt")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        attempts.add(new Attempt(
                                rows.getInt(1),
                                Database.getInstant(rows, "started_at"),
                                Database.getInstant(rows, "ended_at"),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6)));
                    }
                }
            }
            return attempts;
        });
    }

    @Override
    public List<Invocation> deadLetters(String function, String after, int limit) {
        return deadLetters.list(function, after, limit);
    }

    @Override
    public Optional<Transition> redrive(String id, Instant at) {
        return database.write("redriving invocation " + id, connection -> {
            if (!deadLetters.requeue(connection, id)) {
                return Optional.empty();
            }
            return Optional.of(change(connection, id, InvocationStatus.QUEUED, at, false));
        });
    }

    @Override
    public List<Transition> redriveAll(String function, Instant at) {
        return database.write("redriving the dead letters of '" + function + "'", connection -> {
            List<Transition> redriven = new ArrayList<>();
            for (String id : deadLetters.ids(connection, function)) {
                if (deadLetters.requeue(connection, id)) {
                    redriven.add(change(connection, id, InvocationStatus.QUEUED, at, false));
                }
            }
            return redriven;
        });
    }

    @Override
    public int purgeDeadLetters(String function) {
        return deadLetters.purge(function);
    }

    /** Reads the changed row and appends its event. */
    private static Transition change(
            Connection connection, String id, InvocationStatus status, Instant at, boolean withRequestBody)
            throws SQLException {
        Invocation invocation = InvocationTable.select(connection, id, withRequestBody)
                .orElseThrow(() -> new SQLException("invocation " + id + " vanished"));
        InvocationEvent event =
                new InvocationEvent(InvocationTable.nextSeq(connection, id), status, invocation.attempts(), at);
        InvocationTable.appendEvent(connection, id, event);
        return new Transition(invocation, event);
    }

    /** Records the invocation's current attempt as ended at {@code at} with {@code outcome}. */
    private static void recordAttempt(Connection connection, String id, Instant at, String outcome, Outcome failure)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invocation_attempts"
                + " (invocation_id, attempt, started_at, ended_at, outcome, error_code, error_message)"
                + " SELECT id, attempts, COALESCE(started_at, ?), ?, ?, ?, ? FROM invocations"
                + " WHERE id = ? AND attempts > 0")) {
            Database.setInstant(insert, 1, at);
            Database.setInstant(insert, 2, at);
            insert.setString(3, outcome);
            insert.setString(4, failure == null ? null : failure.errorCode());
            insert.setString(5, failure == null ? null : failure.errorMessage());
            insert.setString(6, id);
            insert.executeUpdate();
        }
    }
}
