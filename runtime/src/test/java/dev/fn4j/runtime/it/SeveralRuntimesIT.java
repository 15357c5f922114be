package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Greeter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three runtimes on one PostgreSQL behind nginx (issue 16): what is changed through one runtime
 * reaches the others, and a runtime killed with {@code kill -9} in the middle of an asynchronous
 * burst loses no accepted call: a survivor takes over its work and removes its containers once
 * its lease expires. Runtimes A, B and C are indexes 0, 1 and 2.
 */
class SeveralRuntimesIT {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    /**
     * A lease shorter than the default, so that a survivor takes over soon after the kill, yet long
     * enough that a runtime starved of CPU on a busy test machine is not taken for dead.
     */
    private static final List<String> ARGS = List.of("--runtime-lease-seconds", "10");
    /** How long anything here may take on a busy machine: a deadline, never a measurement. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** Room for cold starts on a busy machine: a call that times out would fail the test. */
    private static final String TIMEOUT = ",\"timeout\":\"120s\"";

    private static final int CALLS = 2000;
    private static final int CONNECTIONS = 16;

    private BalancedRuntimes runtimes;

    @AfterEach
    void stop() throws Exception {
        if (runtimes != null) {
            runtimes.close();
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String body, String... headers)
            throws Exception {
        return runtimes.send(port, method, path, body, headers);
    }

    private int port(int runtime) {
        return runtimes.runtime(runtime).port;
    }

    private void deploy(int through, String name, String image, String extra) throws Exception {
        HttpResponse<String> deployed = send(
                port(through),
                "PUT",
                "/v1/functions/" + name,
                "{\"image\":\"" + image + "\",\"handler\":\"" + Greeter.class.getName() + "\"" + extra + "}");
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    /**
     * Waits until every runtime serves revision {@code revision} of the function, then calls it
     * once through each, so that the balanced calls after it find warm instances.
     */
    private void awaitEverywhere(String name, long revision) throws Exception {
        for (int runtime : List.of(A, B, C)) {
            Await.until("runtime " + runtime + " serves revision " + revision + " of " + name, DEADLINE, () -> {
                HttpResponse<String> function = send(port(runtime), "GET", "/v1/functions/" + name, null);
                return function.statusCode() == 200
                        && runtimes.json(function).get("revision").asLong() == revision;
            });
            HttpResponse<String> warm = send(port(runtime), "POST", "/v1/functions/" + name + "/invocations", "{}");
            assertThat(warm.statusCode()).as(warm.body()).isEqualTo(200);
        }
    }

    private String message(HttpResponse<String> call) throws Exception {
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        return runtimes.json(call).get("message").asText();
    }

    @Test
    void aDeployAKeyRevocationAndADeleteThroughOneRuntimeReachEveryOther() throws Exception {
        runtimes = BalancedRuntimes.start(3, ARGS);
        String image = runtimes.upload(A);
        deploy(A, "greet", image, TIMEOUT);
        awaitEverywhere("greet", 1);
        for (int i = 0; i < 6; i++) {
            assertThat(message(
                            send(runtimes.balancer(), "POST", "/v1/functions/greet/invocations", "{\"name\":\"Ada\"}")))
                    .isEqualTo("Hello, Ada!");
        }

        deploy(A, "greet", image, TIMEOUT + ",\"env\":{\"GREETING\":\"Salut\"}");
        awaitEverywhere("greet", 2);
        for (int runtime : List.of(B, C)) {
            assertThat(message(send(port(runtime), "POST", "/v1/functions/greet/invocations", "{\"name\":\"Ada\"}")))
                    .as("runtime %d swapped its pool to revision 2", runtime)
                    .isEqualTo("Salut, Ada!");
        }

        HttpResponse<String> created = send(port(A), "POST", "/v1/keys", "{\"name\":\"ci\",\"scope\":\"invoke\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = runtimes.json(created).get("key").asText();
        String keyId = runtimes.json(created).get("id").asText();
        String bearer = TestKeys.bearer(key);
        assertThat(send(port(C), "POST", "/v1/functions/greet/invocations", "{}", "Authorization", bearer)
                        .statusCode())
                .as("a key created through A works through C")
                .isEqualTo(200);
        HttpResponse<String> revoked = send(port(B), "DELETE", "/v1/keys/" + keyId, null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        long revokedAt = System.nanoTime();
        Await.until(
                "C refuses the key revoked through B",
                DEADLINE,
                () -> send(port(C), "POST", "/v1/functions/greet/invocations", "{}", "Authorization", bearer)
                                .statusCode()
                        == 401);
        System.out.printf(
                "[several runtimes] C refused the key revoked through B after %d ms%n",
                (System.nanoTime() - revokedAt) / 1_000_000);

        assertThat(runtimes.containersOf(C)).as("C runs instances of its own").isNotEmpty();
        HttpResponse<String> deleted = send(port(B), "DELETE", "/v1/functions/greet", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        for (int runtime : List.of(A, C)) {
            Await.until(
                    "runtime " + runtime + " no longer has the deleted function",
                    DEADLINE,
                    () -> send(port(runtime), "GET", "/v1/functions/greet", null)
                                    .statusCode()
                            == 404);
            Await.until(
                    "runtime " + runtime + " removed its instances of the deleted function",
                    DEADLINE,
                    () -> runtimes.containersOf(runtime).isEmpty());
        }
    }

    @Test
    void aRuntimeKilledInTheMiddleOfAnAsyncBurstLosesNoAcceptedCall() throws Exception {
        runtimes = BalancedRuntimes.start(3, ARGS);
        deploy(A, "burst", runtimes.upload(A), TIMEOUT + ",\"maxInstances\":2,\"concurrency\":16");
        awaitEverywhere("burst", 1);
        String[] ids = new String[CALLS];
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            sent.add(senders.submit(() -> {
                for (int i = connection; i < CALLS; i += CONNECTIONS) {
                    HttpResponse<String> reply = send(
                            runtimes.balancer(),
                            "POST",
                            "/v1/functions/burst/invocations",
                            "{\"name\":\"n" + i + "\"}",
                            "Prefer",
                            "respond-async");
                    if (reply.statusCode() == 202) {
                        ids[i] = runtimes.json(reply).get("id").asText();
                        if (accepted.incrementAndGet() >= CALLS / 2 && killed.compareAndSet(false, true)) {
                            runtimes.runtime(A).kill();
                        }
                    } else {
                        refused.merge(reply.statusCode(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        assertThat(killed).as("A was killed in the middle").isTrue();
        // Only calls in flight to A when it died may fail, and those were never accepted.
        assertThat(refused.keySet()).as("refused calls by status: %s", refused).isSubsetOf(502);
        assertThat(message(
                        send(runtimes.balancer(), "POST", "/v1/functions/burst/invocations", "{\"name\":\"after\"}")))
                .as("the survivors keep answering")
                .isEqualTo("Hello, after!");

        int retried = 0;
        for (int i = 0; i < CALLS; i++) {
            if (ids[i] == null) {
                continue;
            }
            String id = ids[i];
            JsonNode[] last = new JsonNode[1];
            Await.until("call " + i + " ended", DEADLINE, () -> {
                last[0] = runtimes.json(send(runtimes.balancer(), "GET", "/v1/invocations/" + id, null));
                return !last[0].get("status").asText().matches("queued|running");
            });
            assertThat(last[0].get("status").asText()).as("%s", last[0]).isEqualTo("succeeded");
            assertThat(last[0].get("result").toString()).as("%s", last[0]).contains("Hello, n" + i + "!");
            retried += last[0].get("attempts").asInt() > 1 ? 1 : 0;
        }
        Await.until(
                "A's containers are gone after its lease",
                DEADLINE,
                () -> runtimes.containersOf(A).isEmpty());
        System.out.printf(
                "[several runtimes] %d calls accepted, %d refused while A died (%s), %d ran again after the"
                        + " takeover%n",
                accepted.get(), CALLS - accepted.get(), refused, retried);
    }
}
