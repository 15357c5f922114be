package dev.fn4j.runtime.it;

import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.store.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * The database a test runs the runtime's store on: H2 (the default, a file under the runtime's
 * data directory) or PostgreSQL at the URL in the system property {@code fn4j.test.databaseUrl}
 * (failsafe sets it from {@code FN4J_TEST_DATABASE_URL}; {@code scripts/postgres-up.sh} prints
 * one), in a schema of its own made for this test and dropped afterwards, so runs never collide.
 * Without the URL, PostgreSQL tests fail saying so, unless {@code -Dfn4j.test.skipPostgres=true}.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        H2,
        POSTGRESQL
    }

    public static final String URL_PROPERTY = "fn4j.test.databaseUrl";
    public static final String SKIP_PROPERTY = "fn4j.test.skipPostgres";

    private final Kind kind;
    /** The PostgreSQL URL with this test's schema; null for H2. */
    private final String url;

    private final String schema;

    private TestDatabase(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.H2 ? new TestDatabase(Kind.H2, null, null) : postgres();
    }

    /** A fresh schema in the PostgreSQL database the tests were given. */
    public static TestDatabase postgres() {
        String base = System.getProperty(URL_PROPERTY, "").strip();
        if (base.isEmpty() || base.startsWith("${")) {
            if (Boolean.parseBoolean(System.getProperty(SKIP_PROPERTY, "false"))) {
                throw new TestAbortedException("PostgreSQL tests skipped (-D" + SKIP_PROPERTY + "=true)");
            }
            throw new AssertionError("The PostgreSQL tests need a database: run"
                    + " `export FN4J_TEST_DATABASE_URL=$(bash scripts/postgres-up.sh)` (or pass -D"
                    + URL_PROPERTY + "=jdbc:postgresql://...), or skip them with -D" + SKIP_PROPERTY
                    + "=true");
        }
        String schema = "it_" + Ids.instanceId();
        try (Connection connection = DriverManager.getConnection(base);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(
                    "cannot create schema " + schema + " in " + DatabaseSettings.redact(base) + ": " + e.getMessage(),
                    e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(Kind.POSTGRESQL, url, schema);
    }

    public Kind kind() {
        return kind;
    }

    /** The runtime options that select this database (none for H2, the default). */
    public List<String> runtimeArgs() {
        return kind == Kind.H2 ? List.of() : List.of("--database-url", url);
    }

    /** How to reach this database when the runtime uses {@code dataDir}. */
    public DatabaseSettings settings(Path dataDir) {
        return kind == Kind.H2
                ? DatabaseSettings.h2File(dataDir.resolve("db").resolve("fn4j"))
                : new DatabaseSettings(url, null, null);
    }

    /** Drops this test's PostgreSQL schema. */
    @Override
    public void close() {
        if (kind == Kind.H2) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2" : "PostgreSQL " + DatabaseSettings.redact(url);
    }
}
