package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.CallIds;
import dev.fn4j.runtime.invocation.Invocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table {@code sync_call_pages}: ended synchronous calls, many to a row (schema 18). A batch
 * from the recorder becomes one row per function and per second of its calls' ids, so recording a
 * call costs a share of one row's B-tree work instead of a row and three index entries of its own,
 * which were a fifth of the runtime's CPU and most of its garbage under load
 * (docs/benchmarks.md). A call is found by id through the second its id names ({@link CallIds}),
 * a function's history through its pages' newest start, and retention drops whole pages.
 */
final class SyncCallPages {

    /** A page holds at most this many calls, so that reading one call never decodes a huge row. */
    static final int MAX_CALLS = 500;

    /** And at most about this many bytes (logs make some calls large). */
    static final int MAX_BYTES = 256 * 1024;

    private SyncCallPages() {}

    /**
     * Whether {@code invocation} is what this table holds: a synchronous call that ended, ran once,
     * started when it was admitted and keeps no bodies. Anything else belongs in {@code invocations}.
     */
    static boolean holds(Invocation invocation) {
        return !invocation.async()
                && invocation.status().terminal()
                && invocation.attempts() == 1
                && invocation.startedAt() != null
                && invocation.startedAt().equals(invocation.queuedAt())
                && invocation.endedAt() != null
                && invocation.requestBody() == null
                && invocation.requestType() == null
                && invocation.resultBody() == null;
    }

    static void insert(Connection connection, List<Invocation> calls) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_call_pages"
                + " (function_name, id_second, newest_start, last_end, calls, records) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Shelf, List<Invocation>> shelf : shelve(calls).entrySet()) {
                List<Invocation> page = new ArrayList<>();
                int bytes = 0;
                for (Invocation call : shelf.getValue()) {
                    page.add(call);
                    bytes += 64 + length(call.logs()) + length(call.errorMessage()) + length(call.path());
                    if (page.size() == MAX_CALLS || bytes >= MAX_BYTES) {
                        add(insert, shelf.getKey(), page);
                        page = new ArrayList<>();
                        bytes = 0;
                    }
                }
                if (!page.isEmpty()) {
                    add(insert, shelf.getKey(), page);
                }
            }
            insert.executeBatch();
        }
    }

    static Optional<Invocation> select(Connection connection, String id) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT function_name, records FROM sync_call_pages WHERE id_second = ?")) {
            query.setLong(1, secondOf(id));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (Invocation call : SyncCallCodec.decode(rows.getString(1), rows.getBytes(2))) {
                        if (call.id().equals(id)) {
                            return Optional.of(call);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The function's newest calls first, at most {@code limit}. Pages are read newest start first
     * and the reading stops once {@code limit} calls started after the next page's newest start:
     * no later page can hold a newer one.
     */
    static List<Invocation> recent(Connection connection, String function, int limit) throws SQLException {
        List<Invocation> calls = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT newest_start, records FROM sync_call_pages"
                + " WHERE function_name = ? ORDER BY newest_start DESC, id DESC")) {
            query.setString(1, function);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant newest = Database.getInstant(rows, "newest_start");
                    if (newerThan(calls, newest) >= limit) {
                        break;
                    }
                    calls.addAll(SyncCallCodec.decode(function, rows.getBytes("records")));
                }
            }
        }
        calls.sort(InvocationTable.NEWEST_FIRST);
        return calls.size() > limit ? new ArrayList<>(calls.subList(0, limit)) : calls;
    }

    /**
     * Deletes the pages whose calls all ended before {@code cutoff}; returns how many calls went. A
     * page's calls ended within one recorder batch, so a page outlives the cutoff by at most that.
     */
    static int deleteEndedBefore(Connection connection, Instant cutoff) throws SQLException {
        int calls;
        try (PreparedStatement count =
                connection.prepareStatement("SELECT COALESCE(SUM(calls), 0) FROM sync_call_pages WHERE last_end < ?")) {
            Database.setInstant(count, 1, cutoff);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                calls = rows.getInt(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_call_pages WHERE last_end < ?")) {
            Database.setInstant(delete, 1, cutoff);
            delete.executeUpdate();
        }
        return calls;
    }

    /** The second a call's page is filed under: its id's, or -1 for an id without a time. */
    static long secondOf(String id) {
        long millis = CallIds.millisOf(id);
        return millis == CallIds.NO_TIME ? -1 : millis / 1000;
    }

    /** A function and a second of ids: the calls that share a page. */
    private record Shelf(String function, long second) {}

    private static Map<Shelf, List<Invocation>> shelve(List<Invocation> calls) {
        Map<Shelf, List<Invocation>> shelves = new LinkedHashMap<>();
        for (Invocation call : calls) {
            shelves.computeIfAbsent(new Shelf(call.function(), secondOf(call.id())), s -> new ArrayList<>())
                    .add(call);
        }
        return shelves;
    }

    private static void add(PreparedStatement insert, Shelf shelf, List<Invocation> page) throws SQLException {
        Instant newestStart = page.get(0).startedAt();
        Instant lastEnd = page.get(0).endedAt();
        for (Invocation call : page) {
            newestStart = call.startedAt().isAfter(newestStart) ? call.startedAt() : newestStart;
            lastEnd = call.endedAt().isAfter(lastEnd) ? call.endedAt() : lastEnd;
        }
        insert.setString(1, shelf.function());
        insert.setLong(2, shelf.second());
        Database.setInstant(insert, 3, newestStart);
        Database.setInstant(insert, 4, lastEnd);
        insert.setInt(5, page.size());
        insert.setBytes(6, SyncCallCodec.encode(page));
        insert.addBatch();
    }

    private static int newerThan(List<Invocation> calls, Instant instant) {
        int newer = 0;
        for (Invocation call : calls) {
            if (call.queuedAt().isAfter(instant)) {
                newer++;
            }
        }
        return newer;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
