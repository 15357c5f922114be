package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Thrower;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries and dead letters on a real runtime: a call that keeps failing is tried as often as the
 * function's retries allow, every attempt recorded, then dead-lettered; redriven, it runs again
 * with its original input; purged, it is gone. A call that succeeds is not retried.
 */
class RetriesIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();

    private JsonNode awaitStatus(String id, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = runtime.send("GET", "/v1/invocations/" + id, null).json();
            if (last.get("status").asText().equals(status)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("invocation " + id + " is not " + status + " within 90s: " + last);
    }

    private String submit(String body) {
        Reply accepted = AsyncInvocationContract.submit(runtime, "flaky", body, "text/plain");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        return accepted.header("Fn-Request-Id");
    }

    private List<String> outcomes(String id) {
        List<String> outcomes = new ArrayList<>();
        for (JsonNode attempt : runtime.send("GET", "/v1/invocations/" + id + "/attempts", null)
                .json()
                .get("attempts")) {
            outcomes.add(attempt.get("attempt").asInt() + " "
                    + attempt.get("outcome").asText());
        }
        return outcomes;
    }

    @Test
    void aFailingCallIsRetriedThenDeadLetteredRedrivenWithItsInputAndPurged() throws Exception {
        Reply deployed = runtime.deploy(
                "flaky",
                FIXTURE.image(),
                Thrower.class.getName(),
                "\"retries\":\"2,backoff=50ms,maxBackoff=100ms,on=error\"");
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
        assertThat(deployed.json().get("retries").asText()).isEqualTo("2,backoff=50ms,maxBackoff=100ms,on=error");

        String fine = submit("all good");
        String boom = submit("boom 7");

        assertThat(awaitStatus(fine, "succeeded").get("attempts").asInt()).isEqualTo(1);
        JsonNode dead = awaitStatus(boom, "dead_lettered");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("error").get("code").asText()).isEqualTo("function_error");
        assertThat(dead.get("error").get("message").asText()).contains("boom 7");
        assertThat(outcomes(boom)).containsExactly("1 failed", "2 failed", "3 failed");
        assertThat(outcomes(fine)).containsExactly("1 succeeded");

        JsonNode letters =
                runtime.send("GET", "/v1/functions/flaky/dead-letters", null).json();
        assertThat(letters.get("deadLetters")).hasSize(1);
        assertThat(letters.get("deadLetters").get(0).get("id").asText()).isEqualTo(boom);

        Reply redriven = runtime.send("POST", "/v1/invocations/" + boom + "/redrive", "");
        assertThat(redriven.status()).as("%s", redriven).isEqualTo(202);
        assertThat(redriven.json().get("status").asText()).isEqualTo("queued");
        Reply again = runtime.send("POST", "/v1/invocations/" + fine + "/redrive", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("not_dead_lettered");

        JsonNode deadAgain = awaitStatus(boom, "dead_lettered");
        assertThat(deadAgain.get("attempts").asInt())
                .as("a fresh budget of three")
                .isEqualTo(6);
        assertThat(deadAgain.get("error").get("message").asText())
                .as("the original input")
                .contains("boom 7");
        assertThat(outcomes(boom)).hasSize(6);

        Reply purged = runtime.send("DELETE", "/v1/functions/flaky/dead-letters", null);
        assertThat(purged.json().get("purged").asInt()).isEqualTo(1);
        assertThat(runtime.send("GET", "/v1/invocations/" + boom, null).status())
                .isEqualTo(404);
        assertThat(runtime.send("GET", "/v1/functions/flaky/dead-letters", null)
                        .json()
                        .get("deadLetters"))
                .isEmpty();
    }
}
