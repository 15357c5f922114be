package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code sync_calls}: ended synchronous calls, written in batches and never changed,
 * with only the indexes a function's history and retention need (schema 17.2). Used inside the
 * caller's transaction; {@link InvocationTable} composes it with {@code invocations}.
 */
final class SyncCallTable {

    private static final String COLUMNS = "id, function_name, revision, status, started_at, ended_at,"
            + " cold_start, result_type, error_code, error_message, logs, request_method, request_path";

    private SyncCallTable() {}

    /**
     * Whether {@code invocation} is what this table holds: a synchronous call that ended, ran once,
     * started when it was admitted and keeps no bodies. Anything else belongs in {@code invocations}.
     */
    static boolean holds(Invocation invocation) {
        return !invocation.async()
                && invocation.status().terminal()
                && invocation.attempts() == 1
                && invocation.startedAt() != null
                && invocation.startedAt().equals(invocation.queuedAt())
                && invocation.endedAt() != null
                && invocation.requestBody() == null
                && invocation.requestType() == null
                && invocation.resultBody() == null;
    }

    static void insert(Connection connection, List<Invocation> calls) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sync_calls (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Invocation call : calls) {
                insert.setString(1, call.id());
                insert.setString(2, call.function());
                insert.setLong(3, call.revision());
                insert.setString(4, call.status().wire());
                Database.setInstant(insert, 5, call.startedAt());
                Database.setInstant(insert, 6, call.endedAt());
                insert.setObject(7, call.coldStart(), java.sql.Types.BOOLEAN);
                InvocationTable.bindOutcome(insert, 8, call);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<Invocation> select(Connection connection, String id) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM sync_calls WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The function's newest calls first, at most {@code limit}. */
    static List<Invocation> recent(Connection connection, String function, int limit) throws SQLException {
        List<Invocation> calls = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sync_calls WHERE function_name = ? ORDER BY started_at DESC, id DESC")) {
            query.setString(1, function);
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(read(rows));
                }
            }
        }
        return calls;
    }

    static int deleteEndedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_calls WHERE ended_at < ?")) {
            Database.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }

    private static Invocation read(ResultSet row) throws SQLException {
        Instant started = Database.getInstant(row, "started_at");
        return new Invocation(
                row.getString("id"),
                row.getString("function_name"),
                row.getLong("revision"),
                false,
                InvocationStatus.parse(row.getString("status")),
                1,
                started,
                started,
                Database.getInstant(row, "ended_at"),
                Database.getBoolean(row, "cold_start"),
                null,
                null,
                null,
                row.getString("result_type"),
                row.getString("error_code"),
                row.getString("error_message"),
                row.getString("logs"),
                row.getString("request_method"),
                row.getString("request_path"));
    }
}
