package dev.fn4j.runtime.limit;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per function and per client. A call over either limit is refused at
 * once with 429 {@code rate_limited} and a {@code Retry-After} taken from the bucket's refill.
 */
public final class RateLimiter {

    /** A function's bucket and the limit it was made for, so a redeploy can replace it. */
    private record FunctionBucket(RateLimit limit, Bucket bucket) {}

    private final TimeMeter time;
    /** Null when clients are not limited. */
    private final RateLimit clientLimit;

    private final Map<String, FunctionBucket> functions = new ConcurrentHashMap<>();
    /** Buckets of clients seen recently; full (idle) ones are dropped by {@link #forgetIdle()}. */
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    public RateLimiter(TimeMeter time, RateLimit clientLimit) {
        this.time = time;
        this.clientLimit = clientLimit;
    }

    /** Takes a token for one call of the function; does nothing when it has no limit. */
    public void admitFunction(String function, RateLimit limit) {
        if (limit == null) {
            functions.remove(function);
            return;
        }
        FunctionBucket entry = functions.compute(
                function,
                (name, old) ->
                        old != null && old.limit().equals(limit) ? old : new FunctionBucket(limit, bucket(limit)));
        take(
                entry.bucket(),
                "function '" + function + "' is limited to " + describe(limit) + "; slow down or raise its rateLimit");
    }

    /**
     * Takes a token for one call from the client; does nothing when clients are not limited.
     *
     * @param client who the call counts against, as messages name it: {@code API key '<id>'} or
     *     {@code client <address>}
     */
    public void admitClient(String client) {
        if (clientLimit == null) {
            return;
        }
        Bucket bucket = clients.computeIfAbsent(client, key -> bucket(clientLimit));
        take(bucket, client + " is limited to " + describe(clientLimit) + "; slow down");
    }

    /** Drops the buckets of clients that have been idle long enough to refill completely. */
    public void forgetIdle() {
        if (clientLimit != null) {
            clients.values().removeIf(b -> b.getAvailableTokens() >= clientLimit.burst());
        }
    }

    /** Forgets a removed function's bucket. */
    public void forget(String function) {
        functions.remove(function);
    }

    private Bucket bucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static void take(Bucket bucket, String message) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw ApiException.retryLater(ErrorCode.RATE_LIMITED, message, wait);
        }
    }

    private static String describe(RateLimit limit) {
        return limit.perSecond() + " calls/s with bursts of " + limit.burst();
    }
}
