package dev.fn4j.runtime.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A span of recent time the dashboard shows, cut into equal buckets aligned to whole multiples
 * of their length since the epoch: the last hour by minute, the last day by quarter hour. The
 * newest bucket is the one now falls in, so it is still filling.
 */
public enum Window {
    HOUR("1h", 60, Duration.ofMinutes(1)),
    DAY("1d", 96, Duration.ofMinutes(15));

    private final String wireName;
    private final int buckets;
    private final Duration bucket;

    Window(String wireName, int buckets, Duration bucket) {
        this.wireName = wireName;
        this.buckets = buckets;
        this.bucket = bucket;
    }

    /** The window named {@code 1h} or {@code 1d}, else empty. */
    public static Optional<Window> parse(String text) {
        for (Window window : values()) {
            if (window.wireName.equals(text)) {
                return Optional.of(window);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return wireName;
    }

    public long bucketSeconds() {
        return bucket.toSeconds();
    }

    /** The start of each bucket of the window ending in the bucket {@code now} falls in, oldest first. */
    public List<Instant> starts(Instant now) {
        long seconds = bucketSeconds();
        long last = Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
        List<Instant> starts = new ArrayList<>(buckets);
        for (int i = buckets - 1; i >= 0; i--) {
            starts.add(Instant.ofEpochSecond(last - i * seconds));
        }
        return starts;
    }

    /** Where the window's first bucket starts. */
    public Instant from(Instant now) {
        return starts(now).get(0);
    }

    /** Where the window's last bucket ends. */
    public Instant to(Instant now) {
        return starts(now).get(buckets - 1).plus(bucket);
    }

    /**
     * Adds the function's minutes into the window's buckets: one tally per bucket, oldest first,
     * zero for a bucket without calls; minutes outside the window are left out.
     */
    public List<Tally> bucketed(List<MinuteCount> minutes, Instant now) {
        List<Instant> starts = starts(now);
        List<Tally> tallies = new ArrayList<>(buckets);
        starts.forEach(start -> tallies.add(new Tally()));
        long first = starts.get(0).getEpochSecond();
        for (MinuteCount minute : minutes) {
            long index = Math.floorDiv(minute.minute().getEpochSecond() - first, bucketSeconds());
            if (index >= 0 && index < buckets) {
                tallies.get((int) index).add(minute.tally());
            }
        }
        return tallies;
    }
}
