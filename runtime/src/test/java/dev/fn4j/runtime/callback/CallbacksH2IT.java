package dev.fn4j.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.it.TestDatabase;
import dev.fn4j.runtime.limit.Backoff;
import dev.fn4j.runtime.store.Database;
import dev.fn4j.runtime.store.InvocationTable;
import dev.fn4j.runtime.testing.CallbackReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion callbacks against a loopback receiver, on H2: signed deliveries, a retry after a
 * 500, giving up, the allow-list, and taking up undelivered callbacks after a restart.
 */
class CallbacksH2IT {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private InvocationTable invocations;
    private final InvocationEvents events = new InvocationEvents();
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(TestDatabase.Kind.H2);
        database = Database.open(testDatabase.settings(dataDir));
        invocations = new InvocationTable(database);
    }

    @AfterEach
    void close() {
        database.close();
        testDatabase.close();
    }

    private Callbacks callbacks(List<String> allowed) {
        return new Callbacks(
                AllowList.of(allowed),
                new CallbackTable(database),
                invocations,
                events,
                FAST,
                Duration.ofSeconds(5),
                clock,
                "runtime-a",
                Callbacks.threads(2));
    }

    /** Runs the invocation through queued, running and succeeded, publishing each change. */
    private void runToSuccess(String id) {
        events.publish(InvocationEvents.Update.of(invocations.insertQueued(
                Invocation.queued(id, "greeter", 1, clock.instant(), new byte[0], "application/json"))));
        events.publish(InvocationEvents.Update.of(invocations.start(id, 1, clock.instant())));
        events.publish(InvocationEvents.Update.of(invocations.finish(
                id,
                Outcome.succeeded(
                        clock.instant(),
                        false,
                        "{\"message\":\"Hello, Ada!\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        null))));
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String state(Callbacks callbacks, String id) {
        return callbacks.view(id).map(v -> (String) v.get("state")).orElse("none");
    }

    @Test
    void theFinalStateIsPostedSignedAndRetriedAfterA500() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(500);
                Callbacks callbacks = callbacks(List.of("http://127.0.0.1:*"))) {
            callbacks.register("a1", "greeter", receiver.url());
            runToSuccess("a1");
            await("the callback is delivered", () -> state(callbacks, "a1").equals("delivered"));

            assertThat(receiver.requests).hasSize(2);
            String secret = callbacks.secret("greeter");
            assertThat(secret).matches("[0-9a-f]{64}");
            for (CallbackReceiver.Request request : receiver.requests) {
                assertThat(Signature.verify(secret, request.signature(), request.body()))
                        .as(request.signature())
                        .isTrue();
                assertThat(request.invocationId()).isEqualTo("a1");
            }
            JsonNode body = JSON.readTree(receiver.requests.get(1).body());
            assertThat(body.get("id").asText()).isEqualTo("a1");
            assertThat(body.get("function").asText()).isEqualTo("greeter");
            assertThat(body.get("status").asText()).isEqualTo("succeeded");
            assertThat(body.get("result").get("message").asText()).isEqualTo("Hello, Ada!");
            assertThat(body.get("contentType").asText()).isEqualTo("application/json");
            assertThat(body.has("durationMs")).isTrue();
            assertThat(body.get("error").isNull()).isTrue();

            List<Callback.Attempt> attempts = new CallbackTable(database).attempts("a1");
            assertThat(attempts).extracting(Callback.Attempt::httpStatus).containsExactly(500, 200);
            assertThat(attempts.get(0).error()).isEqualTo("the receiver answered 500");
            assertThat(attempts.get(1).error()).isNull();
        }
    }

    @Test
    void settledCallbacksAreForgottenAfterTheRetentionPendingOnesAreKept() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver();
                Callbacks callbacks = callbacks(List.of("http://127.0.0.1:*"))) {
            callbacks.register("g7", "greeter", receiver.url());
            callbacks.register("h8", "greeter", receiver.url());
            runToSuccess("g7");
            await("the callback is delivered", () -> state(callbacks, "g7").equals("delivered"));
            assertThat(callbacks.forgetOlderThan(Duration.ofHours(1))).isZero();
            assertThat(callbacks.forgetOlderThan(Duration.ofMillis(-1000))).isEqualTo(1);
            assertThat(callbacks.view("g7")).isEmpty();
            assertThat(new CallbackTable(database).attempts("g7")).isEmpty();
            assertThat(state(callbacks, "h8")).isEqualTo("pending");
        }
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpOnAfterTheLastAttempt() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(503, 503, 503, 503);
                Callbacks callbacks = callbacks(List.of("http://127.0.0.1:*"))) {
            callbacks.register("b2", "greeter", receiver.url());
            runToSuccess("b2");
            await("the callback fails", () -> state(callbacks, "b2").equals("failed"));
            assertThat(receiver.requests).hasSize(3);
            assertThat(new CallbackTable(database).attempts("b2")).hasSize(3);
        }
    }

    @Test
    void anUnreachableReceiverCountsAsAFailedAttempt() throws Exception {
        CallbackReceiver gone = new CallbackReceiver();
        String url = gone.url();
        gone.close();
        try (Callbacks callbacks = callbacks(List.of("http://127.0.0.1:*"))) {
            callbacks.register("c3", "greeter", url);
            runToSuccess("c3");
            await("the callback fails", () -> state(callbacks, "c3").equals("failed"));
            assertThat(new CallbackTable(database).attempts("c3"))
                    .allSatisfy(attempt -> assertThat(attempt.error()).startsWith("cannot reach the receiver"));
        }
    }

    @Test
    void aDestinationTheOperatorDidNotAllowIsRefusedAndNotStored() {
        try (Callbacks callbacks = callbacks(List.of())) {
            assertThatThrownBy(() -> callbacks.register("d4", "greeter", "http://127.0.0.1:9/done"))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALLBACK_NOT_ALLOWED))
                    .hasMessageContaining("--callback-allow");
            assertThat(callbacks.view("d4")).isEmpty();
        }
    }

    @Test
    void aCallbackUndeliveredAtAStopIsDeliveredAfterTheRestart() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            Callbacks before = callbacks(List.of("http://127.0.0.1:*"));
            before.register("e5", "greeter", receiver.url());
            before.close();
            runToSuccess("e5"); // ends while no runtime listens

            try (Callbacks after = callbacks(List.of("http://127.0.0.1:*"))) {
                assertThat(after.resume()).isEqualTo(1);
                await("the callback is delivered", () -> state(after, "e5").equals("delivered"));
            }
            assertThat(receiver.requests).hasSize(1);
        }
    }

    @Test
    void aCallbackOfACallThatWasNeverStoredIsForgottenAtTheRestart() {
        Callbacks before = callbacks(List.of("http://127.0.0.1:*"));
        before.register("f6", "greeter", "http://127.0.0.1:9/done");
        before.close();
        try (Callbacks after = callbacks(List.of("http://127.0.0.1:*"))) {
            after.resume();
            assertThat(after.view("f6")).isEmpty();
        }
    }
}
