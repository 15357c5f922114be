package dev.fn4j.runtime.store;

import dev.fn4j.runtime.cluster.Notice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sends change notices to the other runtimes on the database, as PostgreSQL notifications on
 * {@link #CHANNEL}. Sent inside the transaction that makes the change, so PostgreSQL delivers a
 * notice only once its change is committed, and never one for a change rolled back. On H2 (one
 * runtime) nothing is sent.
 */
final class ChangeNotices {

    /** The notification channel every runtime listens on. */
    static final String CHANNEL = "fn4j_changes";

    private ChangeNotices() {}

    static void send(Database database, Connection connection, Notice notice) throws SQLException {
        if (database.settings().kind() != DatabaseSettings.Kind.POSTGRESQL) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, notice.wire());
            notify.execute();
        }
    }
}
