package dev.fn4j.runtime.store;

import dev.fn4j.runtime.cluster.Members;
import dev.fn4j.runtime.invocation.Transition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtimes sharing the database, table {@code runtimes}. A takeover is one transaction whose
 * first statement deletes the dead runtime's row only while its heartbeat is still old: of two
 * survivors trying at once, the second waits on that row and then deletes nothing, so the dead
 * runtime's work is queued again exactly once.
 */
public final class RuntimeTable implements Members {

    private final Database database;

    public RuntimeTable(Database database) {
        this.database = database;
    }

    @Override
    public void register(String id, Instant now) {
        database.write("registering runtime " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE runtimes SET started_at = ?, heartbeat_at = ? WHERE id = ?")) {
                Database.setInstant(update, 1, now);
                Database.setInstant(update, 2, now);
                update.setString(3, id);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO runtimes (id, started_at, heartbeat_at) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                Database.setInstant(insert, 2, now);
                Database.setInstant(insert, 3, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean beat(String id, Instant now) {
        return database.read("renewing the heartbeat of runtime " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE runtimes SET heartbeat_at = ? WHERE id = ?")) {
                Database.setInstant(update, 1, now);
                update.setString(2, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<String> silentSince(String self, Instant before) {
        return database.read("finding silent runtimes", connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM runtimes WHERE heartbeat_at < ? AND id <> ? ORDER BY heartbeat_at, id")) {
                Database.setInstant(query, 1, before);
                query.setString(2, self);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public Optional<List<Transition>> takeOver(String dead, Instant before, String survivor, Instant at) {
        return database.write("taking over runtime " + dead, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM runtimes WHERE id = ? AND heartbeat_at < ?")) {
                delete.setString(1, dead);
                Database.setInstant(delete, 2, before);
                if (delete.executeUpdate() == 0) {
                    return Optional.<List<Transition>>empty();
                }
            }
            List<Transition> requeued = QueueTable.requeueRunning(connection, dead, false, at);
            for (String table : new String[] {
                "callbacks SET runtime_id = ? WHERE state = 'pending'",
                "schedule_ticks SET runtime_id = ? WHERE state = 'claimed'"
            }) {
                try (PreparedStatement adopt = connection.prepareStatement("UPDATE " + table + " AND runtime_id = ?")) {
                    adopt.setString(1, survivor);
                    adopt.setString(2, dead);
                    adopt.executeUpdate();
                }
            }
            return Optional.of(requeued);
        });
    }
}
