package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.Invocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-lettered rows of table {@code invocations}: listed oldest first by a cursor, queued
 * again with a fresh retry budget ({@code attempt_base} set to the attempts so far), or deleted.
 */
final class DeadLetters {

    private final Database database;

    DeadLetters(Database database) {
        this.database = database;
    }

    List<Invocation> list(String function, String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return database.read("reading the dead letters of '" + function + "'", connection -> {
            List<Invocation> page = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT "
                    + InvocationTable.COLUMNS.replace("result_body", "NULL AS result_body")
                    + " FROM invocations WHERE function_name = ? AND status = 'dead_lettered'"
                    + (after == null
                            ? ""
                            : " AND (queued_at, id) > (SELECT queued_at, id FROM invocations WHERE id = ?)")
                    + " ORDER BY queued_at, id LIMIT ?")) {
                int i = 1;
                query.setString(i++, function);
                if (after != null) {
                    query.setString(i++, after);
                }
                query.setInt(i, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        page.add(InvocationTable.read(rows, false));
                    }
                }
            }
            return page;
        });
    }

    List<String> ids(Connection connection, String function) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM invocations WHERE"
                + " function_name = ? AND status = 'dead_lettered' ORDER BY queued_at, id FOR UPDATE")) {
            query.setString(1, function);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Queues the row again if it is dead-lettered; returns whether it was. */
    boolean requeue(Connection connection, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE invocations SET status = 'queued',"
                + " attempt_base = attempts, not_before = NULL, started_at = NULL, ended_at = NULL,"
                + " cold_start = NULL, result_body = NULL, result_type = NULL, error_code = NULL,"
                + " error_message = NULL, logs = NULL WHERE id = ? AND status = 'dead_lettered'")) {
            update.setString(1, id);
            return update.executeUpdate() == 1;
        }
    }

    int purge(String function) {
        return database.write("purging the dead letters of '" + function + "'", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM invocations WHERE function_name = ? AND status = 'dead_lettered'")) {
                delete.setString(1, function);
                return delete.executeUpdate();
            }
        });
    }
}
