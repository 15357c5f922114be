package dev.fn4j.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's database: a small connection pool whose schema is brought up to date by the
 * Flyway migrations in {@code db/migration} when it opens. Plain JDBC; every method blocks, so
 * call it from worker threads, never from an IO thread.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Enough for the HTTP workers' reads, the async runner and the background writer. */
    private static final int POOL_SIZE = 8;

    /** One unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DatabaseSettings settings;
    /** Open until {@link #close()}. */
    private final HikariDataSource pool;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Connects and migrates the schema. Fails with a {@link StoreException} naming the (redacted)
     * URL when the database cannot be reached or migrated.
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName("fn4j-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot open the database " + settings.redactedUrl() + ": "
                            + rootMessage(e)
                            + (settings.kind() == DatabaseSettings.Kind.H2
                                    ? " (is another runtime using the same --data-dir?)"
                                    : "; check --database-url, --database-user and --database-password"),
                    e);
        }
        Database database = new Database(settings, pool);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(
                    "cannot migrate the schema of " + settings.redactedUrl() + ": " + rootMessage(e), e);
        }
        return database;
    }

    private void migrate() {
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(
                "database {} at schema version {}{}",
                settings.redactedUrl(),
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted > 0 ? " (" + result.migrationsExecuted + " migration(s) applied)" : "");
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** The pooled data source, for stores that need more than {@link #read} and {@link #write}. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
    public <T> T write(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("the database failed " + what + ": " + rootMessage(e), e);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The instant as the database keeps it: UTC, to the millisecond. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Binds an instant (or SQL NULL) as a {@code TIMESTAMP WITH TIME ZONE}. */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            Instant at = truncate(instant);
            // Built from its UTC fields: OffsetDateTime.ofInstant made a ZoneRules object per value,
            // a few percent of the invocation writer's CPU.
            LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
            statement.setObject(index, OffsetDateTime.of(utc, ZoneOffset.UTC));
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a nullable BOOLEAN column. */
    public static Boolean getBoolean(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }
}
