package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps notes in a SQLite database file in java.io.tmpdir through the real sqlite-jdbc, which
 * unpacks its native library there and loads it; answers the SQLite version and the note count.
 */
public final class SqliteNotes implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) throws SQLException {
        String url = "jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/notes.db";
        try (Connection db = DriverManager.getConnection(url)) {
            try (Statement create = db.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL)");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
                insert.setString(1, input);
                insert.executeUpdate();
            }
            try (Statement count = db.createStatement();
                    ResultSet rows = count.executeQuery("SELECT sqlite_version(), COUNT(*) FROM notes")) {
                rows.next();
                return "sqlite " + rows.getString(1) + ": " + rows.getLong(2) + " notes";
            }
        }
    }
}
