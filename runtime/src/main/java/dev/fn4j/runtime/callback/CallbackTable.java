package dev.fn4j.runtime.callback;

import dev.fn4j.runtime.store.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Callbacks, their delivery attempts and the functions' signing secrets: tables {@code
 * callbacks}, {@code callback_attempts} and {@code callback_secrets}. Blocks: call it from worker
 * or background threads.
 */
public final class CallbackTable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "invocation_id, function_name, url, state, attempts, created_at, next_attempt_at";

    private final Database database;

    public CallbackTable(Database database) {
        this.database = database;
    }

    /** Stores a new registration, owned by {@code runtimeId} until delivered. */
    void insert(Callback callback, String runtimeId) {
        database.write("storing a callback", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO callbacks (" + COLUMNS + ", runtime_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, callback.invocationId());
                insert.setString(2, callback.function());
                insert.setString(3, callback.url());
                insert.setString(4, callback.state().wire());
                insert.setInt(5, callback.attempts());
                Database.setInstant(insert, 6, callback.createdAt());
                Database.setInstant(insert, 7, callback.nextAttemptAt());
                insert.setString(8, runtimeId);
                return insert.executeUpdate();
            }
        });
    }

    /** Removes a registration whose invocation was never accepted. */
    void delete(String invocationId) {
        database.write("removing a callback", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM callbacks WHERE invocation_id = ?")) {
                delete.setString(1, invocationId);
                return delete.executeUpdate();
            }
        });
    }

    /** The invocation's callback, or empty when it named none. */
    public Optional<Callback> find(String invocationId) {
        return select("WHERE invocation_id = ?", invocationId).stream().findFirst();
    }

    /** The callbacks {@code runtimeId} registered and has not delivered nor given up. */
    List<Callback> pending(String runtimeId) {
        return select(
                "WHERE state = ? AND runtime_id = ? ORDER BY created_at", Callback.State.PENDING.wire(), runtimeId);
    }

    /**
     * The callbacks {@code runtimeId} registered and has not delivered nor given up whose
     * invocation has ended, wherever it ran: another runtime sharing the database may have run it.
     */
    List<Callback> pendingEnded(String runtimeId) {
        return select(
                "WHERE state = ? AND runtime_id = ? AND invocation_id IN (SELECT id FROM invocations"
                        + " WHERE status IN ('succeeded', 'failed', 'timed_out', 'dead_lettered'))"
                        + " ORDER BY created_at",
                Callback.State.PENDING.wire(),
                runtimeId);
    }

    /** Records one attempt and the callback's state after it, in one transaction. */
    void recordAttempt(String invocationId, Callback.Attempt attempt, Callback.State state, Instant nextAttemptAt) {
        database.write("recording a callback attempt", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO callback_attempts"
                    + " (invocation_id, attempt, at, http_status, error) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, invocationId);
                insert.setInt(2, attempt.attempt());
                Database.setInstant(insert, 3, attempt.at());
                insert.setObject(4, attempt.httpStatus(), java.sql.Types.INTEGER);
                insert.setString(5, attempt.error());
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE callbacks SET state = ?, attempts = ?," + " next_attempt_at = ? WHERE invocation_id = ?")) {
                update.setString(1, state.wire());
                update.setInt(2, attempt.attempt());
                Database.setInstant(update, 3, nextAttemptAt);
                update.setString(4, invocationId);
                return update.executeUpdate();
            }
        });
    }

    /** Deletes delivered and failed callbacks registered before {@code cutoff}, with their attempts. */
    int deleteSettledBefore(Instant cutoff) {
        return database.write("deleting old callbacks", connection -> {
            String settled = " FROM callbacks WHERE state <> 'pending' AND created_at < ?";
            try (PreparedStatement attempts = connection.prepareStatement(
                            "DELETE FROM callback_attempts WHERE invocation_id IN (SELECT invocation_id" + settled
                                    + ")");
                    PreparedStatement callbacks = connection.prepareStatement("DELETE" + settled)) {
                Database.setInstant(attempts, 1, cutoff);
                attempts.executeUpdate();
                Database.setInstant(callbacks, 1, cutoff);
                return callbacks.executeUpdate();
            }
        });
    }

    /** The callback's attempts, first first. */
    public List<Callback.Attempt> attempts(String invocationId) {
        return database.read("reading callback attempts", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT attempt, at, http_status, error FROM"
                    + " callback_attempts WHERE invocation_id = ? ORDER BY attempt")) {
                select.setString(1, invocationId);
                List<Callback.Attempt> attempts = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        int status = row.getInt("http_status");
                        attempts.add(new Callback.Attempt(
                                row.getInt("attempt"),
                                Database.getInstant(row, "at"),
                                row.wasNull() ? null : status,
                                row.getString("error")));
                    }
                }
                return attempts;
            }
        });
    }

    /** The function's signing secret, made (64 random hex digits) the first time it is asked for. */
    public String secret(String function, Instant now) {
        return database.write("reading a callback secret", connection -> {
            Optional<String> secret = readSecret(connection, function);
            if (secret.isPresent()) {
                return secret.get();
            }
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO callback_secrets (function_name, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, function);
                insert.setString(2, HexFormat.of().formatHex(random));
                Database.setInstant(insert, 3, now);
                insert.executeUpdate();
            }
            return readSecret(connection, function).orElseThrow();
        });
    }

    private static Optional<String> readSecret(Connection connection, String function) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT secret FROM callback_secrets WHERE function_name = ?")) {
            select.setString(1, function);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString("secret")) : Optional.empty();
            }
        }
    }

    private List<Callback> select(String where, String... values) {
        return database.read("reading callbacks", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM callbacks " + where)) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                List<Callback> callbacks = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        callbacks.add(new Callback(
                                row.getString("invocation_id"),
                                row.getString("function_name"),
                                row.getString("url"),
                                Callback.State.parse(row.getString("state")),
                                row.getInt("attempts"),
                                Database.getInstant(row, "created_at"),
                                Database.getInstant(row, "next_attempt_at")));
                    }
                }
                return callbacks;
            }
        });
    }
}
