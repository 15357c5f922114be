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
 * The table {@code sync_calls}, read only: ended synchronous calls as runtimes of schema 17.2
 * wrote them, one row each. Newer runtimes write {@link SyncCallPages} instead; these rows are
 * still found, listed and expired until retention has removed the last of them. Used inside the
 * caller's transaction; {@link InvocationTable} composes it with {@code invocations}.
 */
final class SyncCallTable {

    private static final String COLUMNS = "id, function_name, revision, status, started_at, ended_at,"
            + " cold_start, result_type, error_code, error_message, logs, request_method, request_path";

    private SyncCallTable() {}

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
