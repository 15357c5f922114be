package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvocationViewTest {

    private static final Instant QUEUED = Instant.parse("2026-11-21T12:00:00.000Z");
    private static final Instant STARTED = Instant.parse("2026-11-21T12:00:01.250Z");
    private static final Instant ENDED = Instant.parse("2026-11-21T12:00:03.000Z");

    private static Invocation succeeded(byte[] body, String type) {
        return new Invocation(
                "0123456789abcdef0123",
                "hello",
                3,
                true,
                InvocationStatus.SUCCEEDED,
                2,
                QUEUED,
                STARTED,
                ENDED,
                false,
                null,
                null,
                body,
                type,
                null,
                null,
                "a line\n");
    }

    private static JsonNode json(Invocation invocation) {
        return Json.MAPPER.valueToTree(InvocationView.of(invocation));
    }

    @Test
    void showsEveryFieldWithTimingAndAJsonResultInline() {
        JsonNode view = json(succeeded(
                "{\"message\":\"Hello, Ada!\"}".getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8"));
        assertThat(view.get("id").asText()).isEqualTo("0123456789abcdef0123");
        assertThat(view.get("function").asText()).isEqualTo("hello");
        assertThat(view.get("revision").asLong()).isEqualTo(3);
        assertThat(view.get("async").asBoolean()).isTrue();
        assertThat(view.get("status").asText()).isEqualTo("succeeded");
        assertThat(view.get("attempts").asInt()).isEqualTo(2);
        assertThat(view.get("queuedAt").asText()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(view.get("startedAt").asText()).isEqualTo("2026-11-21T12:00:01.250Z");
        assertThat(view.get("endedAt").asText()).isEqualTo("2026-11-21T12:00:03Z");
        assertThat(view.get("durationMs").asLong()).isEqualTo(1750);
        assertThat(view.get("coldStart").asBoolean()).isFalse();
        assertThat(view.get("result").get("message").asText()).isEqualTo("Hello, Ada!");
        assertThat(view.has("resultEncoding")).isFalse();
        assertThat(view.get("error").isNull()).isTrue();
        assertThat(view.get("logs").asText()).isEqualTo("a line\n");
        assertThat(view.get("method").isNull()).isTrue();
        assertThat(view.get("path").isNull()).isTrue();
    }

    @Test
    void showsTheMethodAndPathOfTheRequestThatMadeASyncCall() {
        JsonNode view = json(Invocation.sync(
                "0123456789abcdef0123",
                "hello",
                3,
                Instant.parse("2026-11-21T12:00:00Z"),
                Outcome.succeeded(Instant.parse("2026-11-21T12:00:00.010Z"), false, null, null, null),
                "PUT",
                "/fn/hello/items/7"));
        assertThat(view.get("method").asText()).isEqualTo("PUT");
        assertThat(view.get("path").asText()).isEqualTo("/fn/hello/items/7");
    }

    @Test
    void showsTextAsAStringAndBinaryAsBase64() {
        JsonNode text = json(succeeded("slept 10".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"));
        assertThat(text.get("result").asText()).isEqualTo("slept 10");
        assertThat(text.has("resultEncoding")).isFalse();

        byte[] bytes = {(byte) 0xff, 0, (byte) 0xfe, 1};
        JsonNode binary = json(succeeded(bytes, "application/octet-stream"));
        assertThat(binary.get("result").asText()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        assertThat(binary.get("resultEncoding").asText()).isEqualTo("base64");

        JsonNode untypedBinary = json(succeeded(bytes, null));
        assertThat(untypedBinary.get("resultEncoding").asText()).isEqualTo("base64");
        JsonNode untypedText = json(succeeded("plain".getBytes(StandardCharsets.UTF_8), null));
        assertThat(untypedText.get("result").asText()).isEqualTo("plain");
    }

    @Test
    void showsMislabelledJsonAsText() {
        JsonNode view = json(succeeded("{not json".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThat(view.get("result").asText()).isEqualTo("{not json");
    }

    @Test
    void showsAFailureAsAnErrorObjectAndAQueuedCallWithNulls() {
        Invocation failed = new Invocation(
                "ab",
                "hello",
                1,
                true,
                InvocationStatus.TIMED_OUT,
                1,
                QUEUED,
                STARTED,
                ENDED,
                null,
                null,
                null,
                null,
                null,
                "function_timeout",
                "too slow",
                null);
        JsonNode view = json(failed);
        assertThat(view.get("status").asText()).isEqualTo("timed_out");
        assertThat(view.get("error").get("code").asText()).isEqualTo("function_timeout");
        assertThat(view.get("error").get("message").asText()).isEqualTo("too slow");
        assertThat(view.get("result").isNull()).isTrue();

        JsonNode queued = json(Invocation.queued("cd", "hello", 1, QUEUED, new byte[] {1}, null));
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("attempts").asInt()).isZero();
        for (String field :
                new String[] {"startedAt", "endedAt", "durationMs", "coldStart", "result", "error", "logs"}) {
            assertThat(queued.get(field).isNull()).as(field).isTrue();
        }
        assertThat(queued.has("requestBody")).isFalse();
    }
}
