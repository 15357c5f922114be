package dev.fn4j.runtime.limit;

/**
 * A token-bucket limit: {@code perSecond} calls a second on average, with bursts of up to
 * {@code burst} calls at once.
 *
 * @param perSecond tokens added each second, at least 1
 * @param burst the bucket's capacity, at least 1
 */
public record RateLimit(int perSecond, int burst) {
    public RateLimit {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }
}
