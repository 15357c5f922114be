package dev.fn4j.runtime.store;

import dev.fn4j.runtime.stats.LatencyBuckets;
import dev.fn4j.runtime.stats.MinuteCount;
import dev.fn4j.runtime.stats.StatsStore;
import dev.fn4j.runtime.stats.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables {@code call_stats} and {@code call_latency}: per-minute call statistics, added to (never
 * overwritten) so that runtimes sharing the database add up. Adding first inserts a zero row when
 * the minute has none, ignoring a row another runtime inserted meanwhile, then adds to it: both
 * statements mean the same on H2 and PostgreSQL.
 */
public final class CallStatsTable implements StatsStore {

    private final Database database;

    public CallStatsTable(Database database) {
        this.database = database;
    }

    @Override
    public void add(List<MinuteCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        database.write("writing call statistics", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO call_stats"
                            + " (function_name, minute_start, calls, errors, cold_starts) VALUES (?, ?, 0, 0, 0)"
                            + " ON CONFLICT DO NOTHING");
                    PreparedStatement update = connection.prepareStatement("UPDATE call_stats SET"
                            + " calls = calls + ?, errors = errors + ?, cold_starts = cold_starts + ?"
                            + " WHERE function_name = ? AND minute_start = ?")) {
                for (MinuteCount count : counts) {
                    insert.setString(1, count.function());
                    Database.setInstant(insert, 2, count.minute());
                    insert.addBatch();
                    Tally tally = count.tally();
                    update.setLong(1, tally.calls());
                    update.setLong(2, tally.errors());
                    update.setLong(3, tally.coldStarts());
                    update.setString(4, count.function());
                    Database.setInstant(update, 5, count.minute());
                    update.addBatch();
                }
                insert.executeBatch();
                update.executeBatch();
            }
            addLatencies(connection, counts);
            return null;
        });
    }

    private static void addLatencies(Connection connection, List<MinuteCount> counts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO call_latency"
                        + " (function_name, minute_start, bucket, calls) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING");
                PreparedStatement update = connection.prepareStatement("UPDATE call_latency SET calls = calls + ?"
                        + " WHERE function_name = ? AND minute_start = ? AND bucket = ?")) {
            boolean any = false;
            for (MinuteCount count : counts) {
                for (int bucket = 0; bucket < LatencyBuckets.COUNT; bucket++) {
                    long calls = count.tally().latency().count(bucket);
                    if (calls == 0) {
                        continue;
                    }
                    any = true;
                    insert.setString(1, count.function());
                    Database.setInstant(insert, 2, count.minute());
                    insert.setInt(3, bucket);
                    insert.addBatch();
                    update.setLong(1, calls);
                    update.setString(2, count.function());
                    Database.setInstant(update, 3, count.minute());
                    update.setInt(4, bucket);
                    update.addBatch();
                }
            }
            if (any) {
                insert.executeBatch();
                update.executeBatch();
            }
        }
    }

    @Override
    public List<MinuteCount> minutes(String function, Instant from, Instant to) {
        return database.read("reading the call statistics of '" + function + "'", connection -> {
            Map<Instant, Tally> byMinute = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT minute_start, calls, errors, cold_starts"
                    + " FROM call_stats WHERE function_name = ? AND minute_start >= ? AND minute_start < ?")) {
                bind(query, function, from, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byMinute.put(
                                Database.getInstant(rows, "minute_start"),
                                new Tally(rows.getLong("calls"), rows.getLong("errors"), rows.getLong("cold_starts")));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT minute_start, bucket, calls"
                    + " FROM call_latency WHERE function_name = ? AND minute_start >= ? AND minute_start < ?")) {
                bind(query, function, from, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byMinute.computeIfAbsent(Database.getInstant(rows, "minute_start"), m -> new Tally())
                                .latency()
                                .add(rows.getInt("bucket"), rows.getLong("calls"));
                    }
                }
            }
            List<MinuteCount> minutes = new ArrayList<>();
            byMinute.forEach((minute, tally) -> minutes.add(new MinuteCount(function, minute, tally)));
            minutes.sort(java.util.Comparator.comparing(MinuteCount::minute));
            return minutes;
        });
    }

    @Override
    public Map<String, Tally> totals(Instant from, Instant to) {
        return database.read("reading call statistics", connection -> {
            Map<String, Tally> byFunction = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT function_name, SUM(calls) AS calls,"
                    + " SUM(errors) AS errors, SUM(cold_starts) AS cold_starts FROM call_stats"
                    + " WHERE minute_start >= ? AND minute_start < ? GROUP BY function_name")) {
                Database.setInstant(query, 1, from);
                Database.setInstant(query, 2, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byFunction.put(
                                rows.getString("function_name"),
                                new Tally(rows.getLong("calls"), rows.getLong("errors"), rows.getLong("cold_starts")));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT function_name, bucket,"
                    + " SUM(calls) AS calls FROM call_latency WHERE minute_start >= ? AND minute_start < ?"
                    + " GROUP BY function_name, bucket")) {
                Database.setInstant(query, 1, from);
                Database.setInstant(query, 2, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byFunction
                                .computeIfAbsent(rows.getString("function_name"), f -> new Tally())
                                .latency()
                                .add(rows.getInt("bucket"), rows.getLong("calls"));
                    }
                }
            }
            return byFunction;
        });
    }

    @Override
    public int deleteBefore(Instant before) {
        return database.write("deleting old call statistics", connection -> {
            int deleted = 0;
            for (String table : List.of("call_stats", "call_latency")) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE minute_start < ?")) {
                    Database.setInstant(delete, 1, before);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    private static void bind(PreparedStatement query, String function, Instant from, Instant to) throws SQLException {
        query.setString(1, function);
        Database.setInstant(query, 2, from);
        Database.setInstant(query, 3, to);
    }
}
