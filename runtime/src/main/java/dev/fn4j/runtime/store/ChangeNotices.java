package dev.fn4j.runtime.store;

import dev.fn4j.runtime.cluster.Notice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sends change notices to the other runtimes on the database, as PostgreSQL notifications on
 * the channel {@link #CHANNEL} names: one per schema (notifications are per database, and
 * runtimes in other schemas of it are other clusters). Sent inside the transaction that makes the change, so PostgreSQL delivers a
 * notice only once its change is committed, and never one for a change rolled back. On H2 (one
 * runtime) nothing is sent.
 */
final class ChangeNotices {

    /**
     * The SQL expression of the notification channel of the connection's schema: {@code fn4j_}
     * and 16 hex digits of its name's MD5, a valid identifier however the schema is named.
     */
    static final String CHANNEL = "'fn4j_' || left(md5(coalesce(current_schema(), '')), 16)";

    private ChangeNotices() {}

    static void send(Database database, Connection connection, Notice notice) throws SQLException {
        if (database.settings().kind() != DatabaseSettings.Kind.POSTGRESQL) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(" + CHANNEL + ", ?)")) {
            notify.setString(1, notice.wire());
            notify.execute();
        }
    }
}
