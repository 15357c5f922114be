package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.invocation.CallIds;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Sleeper;
import dev.fn4j.runtime.it.fns.Thrower;
import dev.fn4j.runtime.store.DatabaseSettings;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocations, invocation history and their event streams on a real runtime, run
 * against H2 and PostgreSQL by the subclasses.
 */
abstract class AsyncInvocationContract {

    private static final List<String> TERMINAL = List.of("succeeded", "failed", "timed_out");

    abstract RuntimeExtension fixture();

    private RuntimeFixture runtime() {
        return fixture().runtime();
    }

    private String image() {
        return fixture().image();
    }

    private void deploy(String name, Class<?> handler, String extra) {
        Reply reply = runtime().deploy(name, image(), handler.getName(), extra);
        assertThat(reply.status()).as("%s", reply).isIn(200, 201);
    }

    static Reply submit(RuntimeFixture runtime, String name, String body, String contentType) {
        return runtime.send(
                "POST",
                "/v1/functions/" + name + "/invocations",
                HttpRequest.BodyPublishers.ofString(body),
                Map.of("Prefer", "respond-async", "Content-Type", contentType));
    }

    static JsonNode awaitEnd(RuntimeFixture runtime, String id, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Reply reply = runtime.send("GET", "/v1/invocations/" + id, null);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            last = reply.json();
            if (TERMINAL.contains(last.get("status").asText())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("invocation " + id + " did not end within " + wait + ": " + last);
    }

    @Test
    void anAsyncCallIsAnswered202WithItsLocationAndLaterHoldsItsResult() throws Exception {
        deploy("async-greeter", Greeter.class, "");
        Reply accepted = submit(runtime(), "async-greeter", "{\"name\":\"Ada\"}", "application/json");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String id = accepted.header("Fn-Request-Id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(accepted.header("Location")).isEqualTo("/v1/invocations/" + id);
        assertThat(accepted.json().get("id").asText()).isEqualTo(id);
        assertThat(accepted.json().get("status").asText()).isEqualTo("queued");
        assertThat(accepted.json().get("location").asText()).isEqualTo("/v1/invocations/" + id);

        JsonNode done = awaitEnd(runtime(), id, Duration.ofSeconds(60));
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.get("function").asText()).isEqualTo("async-greeter");
        assertThat(done.get("revision").asLong()).isEqualTo(1);
        assertThat(done.get("async").asBoolean()).isTrue();
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("result").get("message").asText()).isEqualTo("Hello, Ada!");
        assertThat(done.get("result").get("requestId").asText()).isEqualTo(id);
        assertThat(done.get("contentType").asText()).startsWith("application/json");
        assertThat(done.get("coldStart").isBoolean()).isTrue();
        assertThat(done.get("error").isNull()).isTrue();
        Instant queued = Instant.parse(done.get("queuedAt").asText());
        Instant started = Instant.parse(done.get("startedAt").asText());
        Instant ended = Instant.parse(done.get("endedAt").asText());
        assertThat(queued).isBeforeOrEqualTo(started);
        assertThat(started).isBeforeOrEqualTo(ended);
        assertThat(done.get("durationMs").asLong())
                .isEqualTo(Duration.between(started, ended).toMillis());
    }

    @Test
    void anEarlySubscriberGetsEveryStateInOrderAndALateOneTheWholeReplay() throws Exception {
        deploy("sse-sleeper", Sleeper.class, "\"maxInstances\":1");
        Reply blocker = submit(runtime(), "sse-sleeper", "1500", "text/plain");
        Reply target = submit(runtime(), "sse-sleeper", "300", "text/plain");
        assertThat(blocker.status()).isEqualTo(202);
        assertThat(target.status()).isEqualTo(202);
        String id = target.header("Fn-Request-Id");
        assertThat(runtime()
                        .send("GET", "/v1/invocations/" + id, null)
                        .json()
                        .get("status")
                        .asText())
                .as("still waiting behind the first call")
                .isEqualTo("queued");

        List<SseClient.Event> early;
        try (SseClient stream = SseClient.open(runtime().uri("/v1/invocations/" + id + "/events"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            early = stream.awaitEnd(Duration.ofSeconds(60));
        }
        assertThat(early).extracting(SseClient.Event::event).containsExactly("queued", "running", "succeeded");
        assertThat(early).extracting(SseClient.Event::id).containsExactly("1", "2", "3");
        for (SseClient.Event event : early) {
            assertThat(event.json().get("id").asText()).isEqualTo(id);
            assertThat(event.json().get("status").asText()).isEqualTo(event.event());
        }
        assertThat(early.get(0).json().get("startedAt").isNull()).isTrue();
        assertThat(early.get(1).json().get("attempts").asInt()).isEqualTo(1);
        assertThat(early.get(1).json().get("result").isNull()).isTrue();
        JsonNode last = early.get(2).json();
        assertThat(last.get("result").asText()).startsWith("slept 300 in ");
        assertThat(last.get("endedAt").isNull()).isFalse();

        List<SseClient.Event> late;
        try (SseClient stream = SseClient.open(runtime().uri("/v1/invocations/" + id + "/events"))) {
            late = stream.awaitEnd(Duration.ofSeconds(10));
        }
        assertThat(late).extracting(SseClient.Event::event).containsExactly("queued", "running", "succeeded");
        assertThat(late.get(2).json()).isEqualTo(last);

        try (SseClient resumed =
                SseClient.open(runtime().uri("/v1/invocations/" + id + "/events"), "Last-Event-ID", "2")) {
            assertThat(resumed.awaitEnd(Duration.ofSeconds(10)))
                    .extracting(SseClient.Event::event)
                    .containsExactly("succeeded");
        }
        assertThat(awaitEnd(runtime(), blocker.header("Fn-Request-Id"), Duration.ofSeconds(30))
                        .get("status")
                        .asText())
                .isEqualTo("succeeded");
    }

    @Test
    void aThrowingCallEndsFailedAndASlowOneTimedOutWithTheirErrors() throws Exception {
        deploy("async-thrower", Thrower.class, "");
        deploy("async-slow", Sleeper.class, "\"timeout\":\"1s\"");
        String thrown =
                submit(runtime(), "async-thrower", "boom now", "text/plain").header("Fn-Request-Id");
        String slow = submit(runtime(), "async-slow", "5000", "text/plain").header("Fn-Request-Id");

        JsonNode failed = awaitEnd(runtime(), thrown, Duration.ofSeconds(60));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("function_error");
        assertThat(failed.get("error").get("message").asText()).contains("boom now");
        assertThat(failed.get("result").isNull()).isTrue();

        JsonNode timedOut = awaitEnd(runtime(), slow, Duration.ofSeconds(60));
        assertThat(timedOut.get("status").asText()).isEqualTo("timed_out");
        assertThat(timedOut.get("error").get("code").asText()).isEqualTo("function_timeout");
    }

    @Test
    void synchronousCallsAreRetrievableByTheirRequestId() {
        deploy("sync-greeter", Greeter.class, "");
        Reply call = runtime().invoke("sync-greeter", "{\"name\":\"Grace\"}");
        assertThat(call.status()).isEqualTo(200);
        Reply recorded = runtime().send("GET", "/v1/invocations/" + call.header("Fn-Request-Id"), null);
        assertThat(recorded.status()).as("%s", recorded).isEqualTo(200);
        JsonNode json = recorded.json();
        assertThat(json.get("status").asText()).isEqualTo("succeeded");
        assertThat(json.get("async").asBoolean()).isFalse();
        assertThat(json.get("function").asText()).isEqualTo("sync-greeter");
        assertThat(json.get("coldStart").asBoolean()).isEqualTo(call.coldStart());
        assertThat(json.get("durationMs").asLong()).isNotNegative();
        assertThat(json.get("result").isNull()).as("the caller got the result").isTrue();

        deploy("sync-thrower", Thrower.class, "");
        Reply thrown = runtime().invoke("sync-thrower", "boom");
        assertThat(thrown.status()).isEqualTo(500);
        JsonNode failed = runtime()
                .send("GET", "/v1/invocations/" + thrown.header("Fn-Request-Id"), null)
                .json();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("function_error");
    }

    @Test
    void aFunctionsHistoryListsItsNewestInvocationsFirst() throws Exception {
        deploy("history-greeter", Greeter.class, "");
        String first = runtime().invoke("history-greeter", "{\"name\":\"one\"}").header("Fn-Request-Id");
        String second = submit(runtime(), "history-greeter", "{\"name\":\"two\"}", "application/json")
                .header("Fn-Request-Id");
        awaitEnd(runtime(), second, Duration.ofSeconds(30));
        String third =
                runtime().invoke("history-greeter", "{\"name\":\"three\"}").header("Fn-Request-Id");

        Reply all = runtime().send("GET", "/v1/functions/history-greeter/invocations", null);
        assertThat(all.status()).as("%s", all).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        all.json().get("invocations").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).containsExactly(third, second, first);
        JsonNode async = all.json().get("invocations").get(1);
        assertThat(async.get("async").asBoolean()).isTrue();
        assertThat(async.get("status").asText()).isEqualTo("succeeded");
        assertThat(async.get("result").isNull())
                .as("a history leaves results out")
                .isTrue();

        Reply two = runtime().send("GET", "/v1/functions/history-greeter/invocations?limit=2", null);
        assertThat(two.json().get("invocations")).hasSize(2);
        assertThat(runtime()
                        .send("GET", "/v1/functions/history-greeter/invocations?limit=0", null)
                        .errorCode())
                .isEqualTo("bad_request");
        Reply unknown = runtime().send("GET", "/v1/functions/no-such-fn/invocations", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("function_not_found");
    }

    @Test
    void submissionsPastTheLimitsAreRefusedWith429AtOnce() throws Exception {
        deploy("async-full", Sleeper.class, "\"maxInstances\":1,\"maxBacklog\":2");
        assertThat(submit(runtime(), "async-full", "1500", "text/plain").status())
                .isEqualTo(202);
        assertThat(submit(runtime(), "async-full", "1500", "text/plain").status())
                .isEqualTo(202);
        long before = System.nanoTime();
        Reply full = submit(runtime(), "async-full", "1500", "text/plain");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(full.status()).as("%s", full).isEqualTo(429);
        assertThat(full.errorCode()).isEqualTo("backlog_full");
        assertThat(full.header("Retry-After")).isNotBlank();
        assertThat(full.header("Location")).isNull();

        deploy("async-limited", Greeter.class, "\"rateLimit\":{\"perSecond\":1,\"burst\":1}");
        assertThat(submit(runtime(), "async-limited", "{}", "application/json").status())
                .isEqualTo(202);
        Reply limited = submit(runtime(), "async-limited", "{}", "application/json");
        assertThat(limited.status()).as("%s", limited).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limited");
        assertThat(runtime()
                        .send("GET", "/v1/invocations/" + limited.header("Fn-Request-Id"), null)
                        .status())
                .as("a refused call is not recorded")
                .isEqualTo(404);
    }

    @Test
    void unknownIdsAre404AndHostileOnes400WhileTheDatabaseStaysIntact() throws Exception {
        deploy("id-greeter", Greeter.class, "");
        String kept = runtime().invoke("id-greeter", "{}").header("Fn-Request-Id");

        Reply unknown = runtime().send("GET", "/v1/invocations/0123456789abcdef0123", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("invocation_not_found");
        Reply unknownEvents = runtime().send("GET", "/v1/invocations/0123456789abcdef0123/events", null);
        assertThat(unknownEvents.status()).isEqualTo(404);
        assertThat(unknownEvents.errorCode()).isEqualTo("invocation_not_found");

        for (String hostile : List.of(
                "../etc/passwd",
                "..%2Fetc%2Fpasswd",
                "1%27%3BDROP%20TABLE%20invocations%3B--",
                "1';DROP%20TABLE%20invocations;--",
                "a".repeat(10_000),
                "ABCDEF",
                "%00")) {
            for (String suffix : List.of("", "/events")) {
                Reply reply = runtime().send("GET", "/v1/invocations/" + hostile + suffix, null);
                assertThat(reply.status())
                        .as("%s%s: %s", hostile.length() > 40 ? hostile.substring(0, 40) : hostile, suffix, reply)
                        .isEqualTo(400);
                assertThat(reply.errorCode()).isEqualTo("invalid_id");
                assertThat(reply.errorMessage()).hasSizeLessThan(300);
            }
        }

        assertThat(runtime().send("GET", "/v1/invocations/" + kept, null).status())
                .isEqualTo(200);
        // A synchronous call's record is written by the background recorder, which the API
        // already reads through; its page (filed under its function and the second its id
        // names; nothing else calls id-greeter) may land a moment after the 200.
        DatabaseSettings db = fixture().database().settings(runtime().dataDir());
        Await.until("the invocation's row in the database", Duration.ofSeconds(10), () -> {
            try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("SELECT COUNT(*) FROM sync_call_pages"
                                    + " WHERE function_name = 'id-greeter' AND id_second = "
                                    + CallIds.millisOf(kept) / 1000)) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        });
    }

    @Test
    void endedInvocationsAreDeletedAfterTheRetention() throws Exception {
        try (TestDatabase database = TestDatabase.create(fixture().database().kind());
                RuntimeFixture shortLived = RuntimeFixture.start(database, "--invocation-retention-hours", "0.001")) {
            String image = shortLived.uploadTestImage();
            assertThat(shortLived
                            .deploy("kept-briefly", image, Greeter.class.getName(), "")
                            .status())
                    .isEqualTo(201);
            String sync = shortLived.invoke("kept-briefly", "{}").header("Fn-Request-Id");
            String async =
                    submit(shortLived, "kept-briefly", "{}", "application/json").header("Fn-Request-Id");
            assertThat(awaitEnd(shortLived, async, Duration.ofSeconds(30))
                            .get("status")
                            .asText())
                    .isEqualTo("succeeded");
            assertThat(shortLived.send("GET", "/v1/invocations/" + sync, null).status())
                    .isEqualTo(200);

            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)
                    && (shortLived.send("GET", "/v1/invocations/" + sync, null).status() != 404
                            || shortLived
                                            .send("GET", "/v1/invocations/" + async, null)
                                            .status()
                                    != 404)) {
                Thread.sleep(250);
            }
            assertThat(shortLived.send("GET", "/v1/invocations/" + sync, null).errorCode())
                    .isEqualTo("invocation_not_found");
            assertThat(shortLived.send("GET", "/v1/invocations/" + async, null).errorCode())
                    .isEqualTo("invocation_not_found");
            assertThat(shortLived
                            .send("GET", "/v1/functions/kept-briefly", null)
                            .status())
                    .as("functions are not subject to retention")
                    .isEqualTo(200);
        }
    }
}
