package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.callback.Signature;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.testing.CallbackReceiver;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schedules and completion callbacks on a real runtime with real function containers: an
 * every-second schedule starts invocations that say they were scheduled, and an asynchronous
 * call's callback reaches a loopback receiver signed, after a retry.
 */
class ScheduleCallbackIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE =
            new RuntimeExtension(TestDatabase.Kind.H2, "--callback-allow", "http://127.0.0.1:*");

    private static RuntimeFixture runtime() {
        return FIXTURE.runtime();
    }

    private static Reply submit(String name, Map<String, String> headers) {
        return runtime()
                .send(
                        "POST",
                        "/v1/functions/" + name + "/invocations",
                        HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"),
                        headers);
    }

    @Test
    void anEverySecondScheduleStartsInvocationsThatSayTheyWereScheduled() throws Exception {
        Reply deployed =
                runtime().deploy("ticker", FIXTURE.image(), Greeter.class.getName(), "\"schedule\":\"* * * * * ?\"");
        assertThat(deployed.status()).as("%s", deployed).isIn(200, 201);
        assertThat(deployed.json().get("schedule").asText()).isEqualTo("* * * * * ?");
        assertThat(deployed.json().get("scheduleZone").asText()).isEqualTo("UTC");
        assertThat(deployed.json().get("nextScheduledRuns")).hasSize(5);

        List<JsonNode> scheduled = new ArrayList<>();
        try {
            Await.until("two scheduled invocations succeed", Duration.ofSeconds(90), () -> {
                scheduled.clear();
                for (JsonNode listed : runtime()
                        .send("GET", "/v1/functions/ticker/invocations", null)
                        .json()
                        .get("invocations")) {
                    if (listed.get("status").asText().equals("succeeded")) {
                        scheduled.add(listed);
                    }
                }
                return scheduled.size() >= 2;
            });
        } finally {
            assertThat(runtime().send("DELETE", "/v1/functions/ticker", null).status())
                    .isEqualTo(204);
        }
        for (JsonNode listed : scheduled) {
            JsonNode invocation = runtime()
                    .send("GET", "/v1/invocations/" + listed.get("id").asText(), null)
                    .json();
            assertThat(invocation.get("async").asBoolean()).isTrue();
            assertThat(invocation.get("scheduledFor").asText())
                    .as("%s", invocation)
                    .endsWith("Z");
            assertThat(invocation.get("result").get("message").asText()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void aScheduleCronUtilsRefusesIsAnsweredInvalidSpecNamingIt() {
        Reply refused = runtime()
                .deploy("bad-ticker", FIXTURE.image(), Greeter.class.getName(), "\"schedule\":\"0 0 9 * * MON\"");
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_spec");
        assertThat(refused.errorMessage()).contains("'0 0 9 * * MON'");
    }

    @Test
    void anAsyncCallsCallbackIsPostedSignedAndRetriedAfterA500() throws Exception {
        assertThat(runtime()
                        .deploy("greeter-cb", FIXTURE.image(), Greeter.class.getName(), "")
                        .status())
                .isIn(200, 201);
        try (CallbackReceiver receiver = new CallbackReceiver(500)) {
            Reply accepted = submit(
                    "greeter-cb",
                    Map.of(
                            "Prefer",
                            "respond-async",
                            "Content-Type",
                            "application/json",
                            "X-Callback-Url",
                            receiver.url()));
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            String id = accepted.json().get("id").asText();

            Await.until("the callback is delivered", Duration.ofSeconds(90), () -> {
                JsonNode callback = runtime()
                        .send("GET", "/v1/invocations/" + id, null)
                        .json()
                        .get("callback");
                return callback != null && callback.get("state").asText().equals("delivered");
            });
            JsonNode callback = runtime()
                    .send("GET", "/v1/invocations/" + id + "/callback", null)
                    .json();
            assertThat(callback.get("attempts")).hasSize(2);
            assertThat(callback.get("attempts").get(0).get("httpStatus").asInt())
                    .isEqualTo(500);
            assertThat(callback.get("attempts").get(1).get("httpStatus").asInt())
                    .isEqualTo(200);

            String secret = runtime()
                    .send("GET", "/v1/functions/greeter-cb/callback-secret", null)
                    .json()
                    .get("secret")
                    .asText();
            assertThat(receiver.requests).hasSize(2);
            CallbackReceiver.Request delivered = receiver.requests.get(1);
            assertThat(Signature.verify(secret, delivered.signature(), delivered.body()))
                    .isTrue();
            assertThat(delivered.invocationId()).isEqualTo(id);
        }
    }

    @Test
    void aCallbackTheOperatorDidNotAllowIsRefusedAndTheCallIsNotAccepted() {
        Reply refused = submit(
                "greeter-cb-refused", Map.of("Prefer", "respond-async", "X-Callback-Url", "http://10.0.0.1:8080/hook"));
        // The function does not exist: 404 comes first, before any callback is looked at.
        assertThat(refused.status()).isEqualTo(404);
        assertThat(runtime()
                        .deploy("greeter-cb-refused", FIXTURE.image(), Greeter.class.getName(), "")
                        .status())
                .isIn(200, 201);
        refused = submit(
                "greeter-cb-refused", Map.of("Prefer", "respond-async", "X-Callback-Url", "http://10.0.0.1:8080/hook"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("callback_not_allowed");
        assertThat(refused.errorMessage()).contains("--callback-allow");
        JsonNode history = runtime()
                .send("GET", "/v1/functions/greeter-cb-refused/invocations", null)
                .json();
        assertThat(history.get("invocations")).isEmpty();

        Reply sync = submit("greeter-cb-refused", Map.of("X-Callback-Url", "http://127.0.0.1:9/hook"));
        assertThat(sync.status()).as("%s", sync).isEqualTo(400);
        assertThat(sync.errorMessage()).contains("Prefer: respond-async");
    }
}
