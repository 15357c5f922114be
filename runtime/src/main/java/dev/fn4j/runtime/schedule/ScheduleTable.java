package dev.fn4j.runtime.schedule;

import dev.fn4j.runtime.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claimed ticks of every schedule, table {@code schedule_ticks}: a tick is claimed by
 * inserting its (function, tick) row, which only one runtime of those sharing the database can
 * do. Blocks: call it from background threads.
 */
public final class ScheduleTable {

    /** SQLSTATE of a unique violation, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE = "23505";

    /** A claimed tick. */
    public record Claim(String function, Instant tick, String invocationId, String state, String error) {}

    static final String CLAIMED = "claimed";
    static final String SUBMITTED = "submitted";
    static final String SKIPPED = "skipped";
    static final String REFUSED = "refused";

    private final Database database;

    public ScheduleTable(Database database) {
        this.database = database;
    }

    /** Claims the tick for {@code invocationId}; false when a runtime claimed it already. */
    boolean claim(String function, Instant tick, String invocationId, String state, String runtimeId, Instant now) {
        return database.read("claiming a schedule tick", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schedule_ticks (function_name,"
                    + " tick, invocation_id, state, runtime_id, claimed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, function);
                Database.setInstant(insert, 2, tick);
                insert.setString(3, invocationId);
                insert.setString(4, state);
                insert.setString(5, runtimeId);
                Database.setInstant(insert, 6, now);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Records what became of a claimed tick: submitted, or refused with {@code error}. */
    void settle(String function, Instant tick, String state, String error) {
        database.read("settling a schedule tick", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE schedule_ticks SET state = ?, error = ? WHERE function_name = ? AND tick = ?")) {
                update.setString(1, state);
                update.setString(2, error);
                update.setString(3, function);
                Database.setInstant(update, 4, tick);
                return update.executeUpdate();
            }
        });
    }

    /** The latest tick of the function claimed by any runtime, or empty. */
    Optional<Instant> lastTick(String function) {
        return database.read("reading a schedule's last tick", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(tick) AS tick FROM schedule_ticks WHERE function_name = ?")) {
                select.setString(1, function);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(Database.getInstant(row, "tick")) : Optional.empty();
                }
            }
        });
    }

    /** The ticks this runtime claimed and did not submit (it stopped in between), oldest first. */
    List<Claim> unsubmitted(String runtimeId) {
        return claims("WHERE state = ? AND runtime_id = ? ORDER BY tick", CLAIMED, runtimeId);
    }

    /** The claim that started {@code invocationId}, or empty when no schedule started it. */
    public Optional<Claim> ofInvocation(String invocationId) {
        return claims("WHERE invocation_id = ?", invocationId).stream().findFirst();
    }

    /** Forgets the claims of ticks before {@code cutoff}, but each function's latest. */
    int deleteBefore(Instant cutoff) {
        return database.read("deleting old schedule ticks", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM schedule_ticks t WHERE tick < ?"
                            + " AND tick < (SELECT MAX(l.tick) FROM schedule_ticks l WHERE l.function_name = t.function_name)")) {
                Database.setInstant(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    private List<Claim> claims(String where, String... values) {
        return database.read("reading schedule ticks", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT function_name, tick, invocation_id, state, error FROM schedule_ticks " + where)) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                List<Claim> claims = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        claims.add(new Claim(
                                row.getString("function_name"),
                                Database.getInstant(row, "tick"),
                                row.getString("invocation_id"),
                                row.getString("state"),
                                row.getString("error")));
                    }
                }
                return claims;
            }
        });
    }
}
