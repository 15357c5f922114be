package dev.fn4j.runtime.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.RateLimit;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Time that moves only when the test says so. */
    private static final class FakeTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final FakeTime time = new FakeTime();

    @Test
    void functionBurstIsAdmittedThenRefusedWithRetryAfterFromTheBucket() {
        RateLimiter limiter = new RateLimiter(time, null);
        RateLimit limit = new RateLimit(2, 3);
        for (int i = 0; i < 3; i++) {
            limiter.admitFunction("f", limit);
        }
        ApiException refused = catchThrowableOfType(ApiException.class, () -> limiter.admitFunction("f", limit));
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.getMessage())
                .isEqualTo(
                        "function 'f' is limited to 2 calls/s with" + " bursts of 3; slow down or raise its rateLimit");

        time.nanos += Duration.ofMillis(500).toNanos();
        assertThatCode(() -> limiter.admitFunction("f", limit)).doesNotThrowAnyException();
    }

    @Test
    void functionsHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(time, null);
        RateLimit one = new RateLimit(1, 1);
        limiter.admitFunction("a", one);
        assertThatCode(() -> limiter.admitFunction("b", one)).doesNotThrowAnyException();
    }

    @Test
    void aChangedLimitTakesEffectAtOnce() {
        RateLimiter limiter = new RateLimiter(time, null);
        limiter.admitFunction("f", new RateLimit(1, 1));
        assertThatCode(() -> limiter.admitFunction("f", new RateLimit(10, 10))).doesNotThrowAnyException();
        assertThatCode(() -> limiter.admitFunction("f", null)).doesNotThrowAnyException();
    }

    @Test
    void clientsAreLimitedOneByOneAndIdleBucketsAreForgotten() {
        RateLimiter limiter = new RateLimiter(time, new RateLimit(1, 2));
        limiter.admitClient("10.0.0.1");
        limiter.admitClient("10.0.0.1");
        ApiException refused = catchThrowableOfType(ApiException.class, () -> limiter.admitClient("10.0.0.1"));
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> limiter.admitClient("10.0.0.2")).doesNotThrowAnyException();

        time.nanos += Duration.ofSeconds(5).toNanos();
        limiter.forgetIdle();
        limiter.admitClient("10.0.0.1");
        limiter.admitClient("10.0.0.1");
    }

    @Test
    void withoutAClientLimitEveryClientIsAdmitted() {
        RateLimiter limiter = new RateLimiter(time, null);
        for (int i = 0; i < 1000; i++) {
            limiter.admitClient("10.0.0.1");
        }
    }
}
