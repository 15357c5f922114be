package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.auth.KeyFormat;
import dev.fn4j.runtime.it.fns.Greeter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each client has its own token bucket: each API key, and each remote address for calls to
 * public triggers, which take no key.
 */
class ClientLimitIT {

    @Test
    void eachKeyAndEachKeylessAddressHasItsOwnBucket() throws Exception {
        try (RuntimeFixture runtime = RuntimeFixture.start("--client-rate-limit", "1", "--client-burst", "3")) {
            String image = runtime.uploadTestImage();
            runtime.deploy("shared", image, Greeter.class.getName(), "\"public\":true");
            String adminId = KeyFormat.parse(TestKeys.ADMIN).id();

            List<Reply> replies = Load.burst(4, () -> runtime.invoke("shared", "{}"));
            assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(3);
            Reply limited =
                    replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(limited.errorMessage())
                    .isEqualTo("API key '" + adminId + "' is limited to 1 calls/s with bursts of 3; slow down");
            assertThat(limited.header("Retry-After")).isEqualTo("1");

            String other = runtime.send("POST", "/v1/keys", "{\"name\":\"other\",\"scope\":\"invoke\"}")
                    .json()
                    .get("key")
                    .asText();
            assertThat(runtime.sendAs(other, "POST", "/v1/functions/shared/invocations", "{}")
                            .status())
                    .isEqualTo(200);

            List<Reply> keyless = Load.burst(4, () -> runtime.sendAs(null, "POST", "/fn/shared", "{}"));
            assertThat(keyless).filteredOn(r -> r.status() == 200).hasSize(3);
            assertThat(keyless)
                    .filteredOn(r -> r.status() == 429)
                    .singleElement()
                    .extracting(Reply::errorMessage)
                    .isEqualTo("client 127.0.0.1 is limited to 1 calls/s with bursts of 3; slow down");
        }
    }
}
