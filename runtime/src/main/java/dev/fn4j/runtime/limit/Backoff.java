package dev.fn4j.runtime.limit;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed attempt is tried again: {@code first × 2^(attempt-1)}, capped at {@code max}, less
 * up to a fifth at random so that many parties coming back do not get every retry at once, for at
 * most {@code attempts} attempts in all. The one doubling rule: callbacks' deliveries and a pool's
 * instance starts ({@code pool.StartBackoff}) both use it.
 *
 * @param first the wait after the first failed attempt, positive
 * @param max the longest wait, at least {@code first}
 * @param attempts the most attempts, the first included, at least 1
 */
public record Backoff(Duration first, Duration max, int attempts) {

    /** 1s, 2s, 4s … up to 5 minutes, 10 attempts: about 17 minutes of trying. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }

    /** Whether another attempt follows failed attempt number {@code attempt} (1 for the first). */
    public boolean retries(int attempt) {
        return attempt < attempts;
    }

    /**
     * The wait after failed attempt number {@code attempt}; {@code random} gives [0, 1), the
     * share of the fifth taken off.
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
        long millis = first.toMillis();
        for (int i = 1; i < attempt && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        return Duration.ofMillis(millis - (long) (millis / 5 * random.getAsDouble()));
    }
}
