package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A function's token bucket, the {@code rateLimit} of {@code PUT /v1/functions/{name}}: calls
 * over it are answered {@code 429 rate_limited}. {@link SpecFormat#parseRateLimit} reads the
 * compact form {@code 10/s,burst=20}.
 *
 * @param perSecond the calls per second the bucket refills
 * @param burst the calls the bucket holds; null lets the runtime use {@code perSecond}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimit(int perSecond, Integer burst) {

    /** A bucket of {@code perSecond} calls a second whose burst is the runtime's default. */
    public static RateLimit perSecond(int perSecond) {
        return new RateLimit(perSecond, null);
    }
}
