package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload is answered, not suffered: queues, rate limits, capacity, noisy neighbours. Each test
 * has functions of its own; the one about the memory budget has a runtime of its own too, since
 * every idle instance on a runtime counts against its budget.
 */
class ProtectionIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void fullQueueIsAnsweredAtOnceWith429AndRetryAfter() throws Exception {
        runtime.deploy(
                "narrow", image, Sleeper.class.getName(), "\"maxInstances\":1,\"maxQueue\":2,\"timeout\":\"20s\"");
        assertThat(runtime.invoke("narrow", "1").status()).isEqualTo(200);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Reply>> admitted = new ArrayList<>();
            admitted.add(threads.submit(() -> runtime.invoke("narrow", "3000")));
            Await.until("the long call runs", Duration.ofSeconds(10), () -> runtime.inFlight("narrow") == 1);
            admitted.add(threads.submit(() -> runtime.invoke("narrow", "10")));
            admitted.add(threads.submit(() -> runtime.invoke("narrow", "10")));
            Await.until("two calls wait behind it", Duration.ofSeconds(10), () -> runtime.queueDepth("narrow") == 2);
            Reply refused = runtime.invoke("narrow", "10");
            assertThat(refused.status()).as("%s", refused).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("queue_full");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
            // The refusal came while the first call still ran: it did not wait in line.
            assertThat(admitted.get(0)).isNotDone();
            for (Future<Reply> reply : admitted) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void functionOverItsRateLimitGets429WithRetryAfterFromTheBucket() throws Exception {
        runtime.deploy("metered", image, Greeter.class.getName(), "\"rateLimit\":{\"perSecond\":1,\"burst\":2}");
        // Admission happens before any instance starts, so a simultaneous burst meets a full bucket.
        List<Reply> replies = Load.burst(3, () -> runtime.invoke("metered", "{}"));
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(2);
        Reply limited =
                replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        assertThat(limited.status()).as("%s", limited).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limited");
        assertThat(limited.errorMessage())
                .isEqualTo("function 'metered' is limited to 1 calls/s"
                        + " with bursts of 2; slow down or raise its rateLimit");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void floodedFunctionDoesNotDelayAnotherFunctionsCalls() throws Exception {
        runtime.deploy(
                "flooded", image, Sleeper.class.getName(), "\"maxInstances\":1,\"maxQueue\":100,\"timeout\":\"60s\"");
        runtime.deploy("bystander", image, Greeter.class.getName(), "");
        assertThat(runtime.invoke("bystander", "{}").status()).isEqualTo(200);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> flood = Load.background(20, () -> runtime.invoke("flooded", "1500"), threads);
            Await.until("the flood waits in line", Duration.ofSeconds(30), () -> runtime.queueDepth("flooded") >= 18);
            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                Reply reply = runtime.invoke("bystander", "{\"name\":\"B\"}");
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.coldStart()).isFalse();
            }
            // Behind the flood, one call would wait for 20 calls of 1.5s each.
            assertThat(slowest).as("slowest bystander call, ms").isLessThan(1500);
            assertThat(flood.get(19).isDone()).isFalse();
            for (Future<Reply> reply : flood) {
                reply.cancel(true);
            }
        } finally {
            threads.shutdownNow();
        }
        runtime.send("DELETE", "/v1/functions/flooded", null);
    }

    @Test
    void idleInstancesOfOtherFunctionsAreEvictedForRoomAndBusyOnesAreNot() throws Exception {
        // Room for three 256m instances, not four.
        try (RuntimeFixture small = RuntimeFixture.start("--memory-budget-mb", "800")) {
            String image = small.uploadTestImage();
            for (String name : List.of("big-a", "big-b", "big-c", "big-d")) {
                small.deploy(name, image, Sleeper.class.getName(), "\"memory\":\"256m\"");
            }
            assertThat(small.invoke("big-a", "1").status()).isEqualTo(200);
            assertThat(small.invoke("big-b", "1").status()).isEqualTo(200);
            assertThat(small.invoke("big-c", "1").status()).isEqualTo(200);
            Reply d = small.invoke("big-d", "1");
            assertThat(d.status()).as("%s", d).isEqualTo(200);
            assertThat(Containers.awaitNone(small.runtimeId(), "big-a"))
                    .as("least recently used instance evicted")
                    .isTrue();

            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<Reply>> busy = new ArrayList<>();
                for (String name : List.of("big-b", "big-c", "big-d")) {
                    busy.add(threads.submit(() -> small.invoke(name, "4000")));
                }
                for (String name : List.of("big-b", "big-c", "big-d")) {
                    Await.until(name + " is busy", Duration.ofSeconds(10), () -> small.inFlight(name) == 1);
                }
                Reply refused = small.invoke("big-a", "1");
                assertThat(refused.status()).as("%s", refused).isEqualTo(503);
                assertThat(refused.errorCode()).isEqualTo("capacity_exhausted");
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                for (Future<Reply> reply : busy) {
                    assertThat(reply.get().status()).isEqualTo(200);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(small.invoke("big-a", "1").status()).isEqualTo(200);
        }
    }

    @Test
    void metricsCountCallsRejectionsAndInstances() throws Exception {
        runtime.deploy("counted", image, Greeter.class.getName(), "\"rateLimit\":{\"perSecond\":1,\"burst\":1}");
        Load.burst(2, () -> runtime.invoke("counted", "{}"));
        String metrics = runtime.send("GET", "/metrics", null).body();
        assertThat(metrics)
                .contains("fn4j_invocations_total{function=\"counted\",outcome=\"success\"} 1.0")
                .contains("fn4j_invocations_total{function=\"counted\",outcome=\"rate_limited\"} 1.0")
                .contains("fn4j_rejections_total{function=\"counted\",reason=\"rate_limited\"} 1.0")
                .contains("fn4j_cold_start_duration_seconds_count{function=\"counted\"} 1")
                .contains("fn4j_invocation_duration_seconds_bucket{function=\"counted\"")
                .contains("fn4j_instances{function=\"counted\",state=\"ready\"} 1.0")
                .contains("fn4j_queue_depth{function=\"counted\"} 0.0");
    }
}
