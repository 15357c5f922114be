package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Invocations and their state changes in the database, tables {@code invocations} and
 * {@code invocation_events}: each change of an asynchronous invocation is one transaction that
 * updates its row and appends its event. Ended synchronous calls go to {@link SyncCallPages}, many
 * to a row; reads by id and a function's history look there too, and in {@link SyncCallTable},
 * where runtimes before schema 18 wrote them.
 */
public final class InvocationTable implements InvocationStore {

    static final String COLUMNS = "id, function_name, revision, is_async, status,"
            + " attempts, queued_at, started_at, ended_at, cold_start, request_type, result_body,"
            + " result_type, error_code, error_message, logs, request_method, request_path";

    /** A history's order: newest first, then by id, as {@code ORDER BY queued_at DESC, id DESC}. */
    static final Comparator<Invocation> NEWEST_FIRST = Comparator.comparing(Invocation::queuedAt)
            .thenComparing(Invocation::id)
            .reversed();

    private final Database database;

    public InvocationTable(Database database) {
        this.database = database;
    }

    /** Stores a newly accepted asynchronous call and its first event, {@code queued}. */
    @Override
    public Transition insertQueued(Invocation invocation) {
        if (invocation.status() != InvocationStatus.QUEUED) {
            throw new IllegalArgumentException("not queued: " + invocation.status());
        }
        return database.write("queueing invocation " + invocation.id(), connection -> {
            insert(connection, List.of(invocation));
            InvocationEvent event =
                    new InvocationEvent(1, InvocationStatus.QUEUED, invocation.attempts(), invocation.queuedAt());
            appendEvent(connection, invocation.id(), event);
            return new Transition(invocation, event);
        });
    }

    /** Stores invocations that already ended (synchronous calls), in one batch, without events. */
    @Override
    public void insertEnded(List<Invocation> invocations) {
        if (invocations.isEmpty()) {
            return;
        }
        List<Invocation> calls = new ArrayList<>(invocations.size());
        List<Invocation> others = new ArrayList<>();
        for (Invocation invocation : invocations) {
            (SyncCallPages.holds(invocation) ? calls : others).add(invocation);
        }
        database.write("recording " + invocations.size() + " invocation(s)", connection -> {
            if (!calls.isEmpty()) {
                SyncCallPages.insert(connection, calls);
            }
            if (!others.isEmpty()) {
                insert(connection, others);
            }
            return null;
        });
    }

    /**
     * Starts an attempt: the invocation becomes {@code running} on {@code revision} and its
     * attempts go up by one. Returns it with its request body, which the attempt needs.
     */
    @Override
    public Transition start(String id, long revision, Instant at) {
        return database.write("starting invocation " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE invocations SET status = 'running', attempts = attempts + 1,"
                            + " revision = ?, started_at = ?, ended_at = NULL WHERE id = ?")) {
                update.setLong(1, revision);
                Database.setInstant(update, 2, at);
                update.setString(3, id);
                requireOne(update.executeUpdate(), id);
            }
            Invocation invocation =
                    select(connection, id, true).orElseThrow(() -> new SQLException("invocation " + id + " vanished"));
            InvocationEvent event =
                    new InvocationEvent(nextSeq(connection, id), InvocationStatus.RUNNING, invocation.attempts(), at);
            appendEvent(connection, id, event);
            return new Transition(invocation, event);
        });
    }

    /** Ends the invocation's attempt with {@code outcome}. */
    @Override
    public Transition finish(String id, Outcome outcome) {
        return database.write("finishing invocation " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE invocations SET " + END_ASSIGNMENTS + " WHERE id = ?")) {
                update.setString(bindEnd(update, outcome.status(), outcome), id);
                requireOne(update.executeUpdate(), id);
            }
            Invocation invocation =
                    select(connection, id, false).orElseThrow(() -> new SQLException("invocation " + id + " vanished"));
            InvocationEvent event = new InvocationEvent(
                    nextSeq(connection, id), outcome.status(), invocation.attempts(), outcome.endedAt());
            appendEvent(connection, id, event);
            return new Transition(invocation, event);
        });
    }

    /** Puts an invocation whose attempt a crash interrupted back in the queue. */
    @Override
    public Transition requeue(String id, Instant at) {
        return database.write("re-queueing invocation " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE invocations SET status = 'queued' WHERE id = ?")) {
                update.setString(1, id);
                requireOne(update.executeUpdate(), id);
            }
            Invocation invocation =
                    select(connection, id, false).orElseThrow(() -> new SQLException("invocation " + id + " vanished"));
            InvocationEvent event =
                    new InvocationEvent(nextSeq(connection, id), InvocationStatus.QUEUED, invocation.attempts(), at);
            appendEvent(connection, id, event);
            return new Transition(invocation, event);
        });
    }

    /** The invocation, without its request body. */
    @Override
    public Optional<Invocation> find(String id) {
        return database.read("reading invocation " + id, connection -> {
            Optional<Invocation> invocation = select(connection, id, false);
            if (invocation.isEmpty()) {
                invocation = SyncCallPages.select(connection, id);
            }
            return invocation.isPresent() ? invocation : SyncCallTable.select(connection, id);
        });
    }

    /** The invocation's state changes in order; empty for synchronous calls. */
    @Override
    public List<InvocationEvent> events(String id) {
        return database.read("reading the events of invocation " + id, connection -> {
            List<InvocationEvent> events = new ArrayList<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT seq, status, attempts, happened_at FROM invocation_events"
                            + " WHERE invocation_id = ? ORDER BY seq")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(new InvocationEvent(
                                rows.getInt("seq"),
                                InvocationStatus.parse(rows.getString("status")),
                                rows.getInt("attempts"),
                                Database.getInstant(rows, "happened_at")));
                    }
                }
            }
            return events;
        });
    }

    /**
     * The function's newest invocations first, at most {@code limit}, without request or result
     * bodies (a history lists many; {@link #find} reads one whole).
     */
    @Override
    public List<Invocation> recent(String function, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return database.read("reading the invocations of '" + function + "'", connection -> {
            List<Invocation> invocations = new ArrayList<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT " + COLUMNS.replace("result_body", "NULL AS result_body")
                            + " FROM invocations WHERE function_name = ?"
                            + " ORDER BY queued_at DESC, id DESC")) {
                query.setString(1, function);
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        invocations.add(read(rows, false));
                    }
                }
            }
            invocations.addAll(SyncCallPages.recent(connection, function, limit));
            invocations.addAll(SyncCallTable.recent(connection, function, limit));
            invocations.sort(NEWEST_FIRST);
            return invocations.size() > limit ? List.copyOf(invocations.subList(0, limit)) : invocations;
        });
    }

    /** Asynchronous invocations still queued or running, oldest first, without request bodies. */
    @Override
    public List<Invocation> unfinished() {
        return database.read("reading unfinished invocations", connection -> {
            List<Invocation> invocations = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                            + " FROM invocations WHERE status IN ('queued', 'running') AND is_async"
                            + " ORDER BY queued_at, id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    invocations.add(read(rows, false));
                }
            }
            return invocations;
        });
    }

    /** Deletes invocations that ended before {@code cutoff}, with their events; returns how many. */
    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return database.write("deleting old invocations", connection -> {
            try (PreparedStatement events = connection.prepareStatement(
                            "DELETE FROM invocation_events WHERE invocation_id IN (SELECT id FROM"
                                    + " invocations WHERE ended_at < ?)");
                    PreparedStatement invocations =
                            connection.prepareStatement("DELETE FROM invocations WHERE ended_at < ?")) {
                Database.setInstant(events, 1, cutoff);
                events.executeUpdate();
                Database.setInstant(invocations, 1, cutoff);
                return invocations.executeUpdate()
                        + SyncCallPages.deleteEndedBefore(connection, cutoff)
                        + SyncCallTable.deleteEndedBefore(connection, cutoff);
            }
        });
    }

    /**
     * The columns an attempt's end sets, as the assignments of an {@code UPDATE}: {@link #bindEnd}
     * binds their eight parameters, from the first on.
     */
    static final String END_ASSIGNMENTS = "status = ?, ended_at = ?, cold_start = ?, result_body = ?, result_type = ?,"
            + " error_code = ?, error_message = ?, logs = ?";

    /** Binds {@link #END_ASSIGNMENTS} to {@code status} and {@code outcome}; returns the next parameter's index. */
    static int bindEnd(PreparedStatement update, InvocationStatus status, Outcome outcome) throws SQLException {
        update.setString(1, status.wire());
        Database.setInstant(update, 2, outcome.endedAt());
        update.setObject(3, outcome.coldStart(), java.sql.Types.BOOLEAN);
        update.setBytes(4, outcome.resultBody());
        update.setString(5, outcome.resultType());
        update.setString(6, outcome.errorCode());
        update.setString(7, outcome.errorMessage());
        update.setString(8, outcome.logs());
        return 9;
    }

    static void insert(Connection connection, List<Invocation> invocations) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invocations ("
                + COLUMNS + ", request_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
            for (Invocation i : invocations) {
                insert.setString(1, i.id());
                insert.setString(2, i.function());
                insert.setLong(3, i.revision());
                insert.setBoolean(4, i.async());
                insert.setString(5, i.status().wire());
                insert.setInt(6, i.attempts());
                Database.setInstant(insert, 7, i.queuedAt());
                Database.setInstant(insert, 8, i.startedAt());
                Database.setInstant(insert, 9, i.endedAt());
                insert.setObject(10, i.coldStart(), java.sql.Types.BOOLEAN);
                insert.setString(11, i.requestType());
                insert.setBytes(12, i.resultBody());
                bindOutcome(insert, 13, i);
                insert.setBytes(19, i.requestBody());
                if (invocations.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (invocations.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Binds, from parameter {@code at} on, the six columns {@code invocations} ends with, in this order:
     * result_type, error_code, error_message, logs, request_method, request_path.
     */
    private static void bindOutcome(PreparedStatement statement, int at, Invocation i) throws SQLException {
        statement.setString(at, i.resultType());
        statement.setString(at + 1, i.errorCode());
        statement.setString(at + 2, i.errorMessage());
        statement.setString(at + 3, i.logs());
        statement.setString(at + 4, i.method());
        statement.setString(at + 5, i.path());
    }

    static Optional<Invocation> select(Connection connection, String id, boolean withRequestBody) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + (withRequestBody ? ", request_body" : "") + " FROM invocations WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, withRequestBody)) : Optional.empty();
            }
        }
    }

    static Invocation read(ResultSet row, boolean withRequestBody) throws SQLException {
        return new Invocation(
                row.getString("id"),
                row.getString("function_name"),
                row.getLong("revision"),
                row.getBoolean("is_async"),
                InvocationStatus.parse(row.getString("status")),
                row.getInt("attempts"),
                Database.getInstant(row, "queued_at"),
                Database.getInstant(row, "started_at"),
                Database.getInstant(row, "ended_at"),
                Database.getBoolean(row, "cold_start"),
                withRequestBody ? row.getBytes("request_body") : null,
                row.getString("request_type"),
                row.getBytes("result_body"),
                row.getString("result_type"),
                row.getString("error_code"),
                row.getString("error_message"),
                row.getString("logs"),
                row.getString("request_method"),
                row.getString("request_path"));
    }

    static int nextSeq(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM invocation_events WHERE invocation_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) + 1;
            }
        }
    }

    static void appendEvent(Connection connection, String id, InvocationEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO invocation_events (invocation_id, seq, status, attempts, happened_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setInt(2, event.seq());
            insert.setString(3, event.status().wire());
            insert.setInt(4, event.attempts());
            Database.setInstant(insert, 5, event.at());
            insert.executeUpdate();
        }
    }

    static void requireOne(int updated, String id) throws SQLException {
        if (updated != 1) {
            throw new SQLException("no invocation " + id + " to update");
        }
    }
}
