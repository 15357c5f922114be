package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.Greeter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each client (by remote address until API keys exist) has its own token bucket. */
class ClientLimitIT {

    @Test
    void clientOverItsLimitGets429WithRetryAfter() throws Exception {
        try (RuntimeFixture runtime = RuntimeFixture.start(
                "--client-rate-limit", "1", "--client-burst", "3")) {
            String image = runtime.uploadTestImage();
            runtime.deploy("shared", image, Greeter.class.getName(), "");
            List<Reply> replies = Load.burst(4, () -> runtime.invoke("shared", "{}"));
            assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(3);
            Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(limited.errorMessage()).isEqualTo(
                    "client 127.0.0.1 is limited to 1 calls/s with bursts of 3; slow down");
            assertThat(limited.header("Retry-After")).isEqualTo("1");
        }
    }
}
