package dev.fn4j.runtime.testing;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Deployed functions for tests without Docker: an echo image and handler, limits that never bite. */
public final class TestFunctions {

    private TestFunctions() {}

    /** Revision {@code revision} of {@code name}: 10 s timeout, 256 MiB, one CPU, no rate limit. */
    public static Function function(String name, long revision, int concurrency, FunctionSpec.Scaling scaling) {
        FunctionSpec spec = new FunctionSpec(
                "sha256:abc",
                "com.example.Echo",
                Duration.ofSeconds(10),
                256L << 20,
                1.0,
                concurrency,
                Map.of(),
                scaling,
                null,
                false);
        return new Function(name, revision, spec, Instant.EPOCH, Instant.EPOCH);
    }

    /** Revision 1 of {@code name}, one call at a time, from zero to one instance, 10 calls queued at most. */
    public static Function oneAtATime(String name) {
        return function(name, 1, 1, new FunctionSpec.Scaling(0, 1, Duration.ofMinutes(1), 10));
    }
}
