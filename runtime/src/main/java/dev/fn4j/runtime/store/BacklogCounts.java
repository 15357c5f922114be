package dev.fn4j.runtime.store;

import dev.fn4j.runtime.stats.AsyncCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The asynchronous backlog (queued and running rows) and the dead letters of table {@code
 * invocations}, counted by function in one query on its status index.
 */
public final class BacklogCounts implements AsyncCounts {

    private final Database database;

    public BacklogCounts(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, Pending> byFunction() {
        return database.read("counting the asynchronous backlog", connection -> {
            Map<String, Pending> counts = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT function_name, status, COUNT(*) AS n"
                            + " FROM invocations WHERE status IN ('queued', 'running', 'dead_lettered')"
                            + " GROUP BY function_name, status");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long n = rows.getLong("n");
                    boolean dead = rows.getString("status").equals("dead_lettered");
                    counts.merge(
                            rows.getString("function_name"),
                            dead ? new Pending(0, n) : new Pending(n, 0),
                            (a, b) -> new Pending(a.backlog() + b.backlog(), a.deadLetters() + b.deadLetters()));
                }
            }
            return counts;
        });
    }
}
