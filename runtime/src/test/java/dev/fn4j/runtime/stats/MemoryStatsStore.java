package dev.fn4j.runtime.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link StatsStore} in memory that adds as the tables do, records its calls and fails when told. */
final class MemoryStatsStore implements StatsStore {

    /** Stored tallies by function, then minute. */
    final Map<String, TreeMap<Instant, Tally>> rows = new HashMap<>();

    final List<Instant> deletedBefore = new ArrayList<>();
    int adds;
    boolean failing;

    @Override
    public synchronized void add(List<MinuteCount> counts) {
        if (failing) {
            throw new IllegalStateException("the database is away");
        }
        adds++;
        for (MinuteCount count : counts) {
            rows.computeIfAbsent(count.function(), f -> new TreeMap<>())
                    .merge(count.minute(), new Tally().add(count.tally()), Tally::add);
        }
    }

    @Override
    public synchronized List<MinuteCount> minutes(String function, Instant from, Instant to) {
        List<MinuteCount> minutes = new ArrayList<>();
        rows.getOrDefault(function, new TreeMap<>())
                .subMap(from, to)
                .forEach((minute, tally) -> minutes.add(new MinuteCount(function, minute, new Tally().add(tally))));
        return minutes;
    }

    @Override
    public synchronized Map<String, Tally> totals(Instant from, Instant to) {
        Map<String, Tally> totals = new HashMap<>();
        rows.forEach((function, minutes) -> minutes.subMap(from, to)
                .values()
                .forEach(tally ->
                        totals.computeIfAbsent(function, f -> new Tally()).add(tally)));
        return totals;
    }

    @Override
    public synchronized int deleteBefore(Instant before) {
        deletedBefore.add(before);
        int[] deleted = {0};
        rows.values().forEach(minutes -> {
            deleted[0] += minutes.headMap(before).size();
            minutes.headMap(before).clear();
        });
        return deleted[0];
    }

    synchronized long storedCalls(String function) {
        return rows.getOrDefault(function, new TreeMap<>()).values().stream()
                .mapToLong(Tally::calls)
                .sum();
    }
}
