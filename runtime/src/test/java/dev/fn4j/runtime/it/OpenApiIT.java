package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.openapi.SchemaCheck;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends each operation of the runtime's own OpenAPI document a request, its documented example
 * where it has one, and checks every answer against the document: its status is documented, its
 * required headers are there and match, its body matches the schema of its media type.
 */
class OpenApiIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private static final List<String> TRIGGER_METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /**
     * Operations this test sends no request, each with the reason; a new route gets a request
     * below or a line here.
     */
    private static final Map<String, String> NOT_SENT = Map.of();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final Set<String> answered = new TreeSet<>();
    private SchemaCheck check;

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        Reply document = runtime.sendAs(null, "GET", "/v1/openapi.json", null);
        check = new SchemaCheck(document.json());
        conforms("GET", "/v1/openapi.json", document, 200);
        Reply unchanged = runtime.send(
                "GET",
                "/v1/openapi.json",
                HttpRequest.BodyPublishers.noBody(),
                Map.of("If-None-Match", document.header("ETag")));
        conforms("GET", "/v1/openapi.json", unchanged, 304);

        conforms("POST", "/v1/images", upload(), 201);
        conforms("POST", "/v1/images/reusable-layers", send("POST", "/v1/images/reusable-layers", null), 200);

        ObjectNode spec = (ObjectNode) example("PUT", "/v1/functions/{name}");
        spec.put("image", FIXTURE.image()).put("handler", Greeter.class.getName());
        conforms("PUT", "/v1/functions/{name}", runtime.send("PUT", "/v1/functions/hello", spec.toString()), 201);
        conforms("GET", "/v1/functions", send("GET", "/v1/functions", null), 200);
        conforms("GET", "/v1/functions/{name}", send("GET", "/v1/functions/hello", null), 200);
        conforms("GET", "/v1/functions/{name}", send("GET", "/v1/functions/nobody", null), 404);

        String input = example("POST", "/v1/functions/{name}/invocations").toString();
        Reply called = runtime.invoke("hello", input);
        conforms("POST", "/v1/functions/{name}/invocations", called, 200);
        assertThat(called.json().get("message").asText()).isEqualTo("Hello, Ada!");
        assertThat(called.header("Fn-Cold-Start")).isIn("true", "false");
        Reply accepted = request("POST", "/v1/functions/hello/invocations", input, Map.of("Prefer", "respond-async"));
        conforms("POST", "/v1/functions/{name}/invocations", accepted, 202);
        Reply streamed =
                request("POST", "/v1/functions/hello/invocations", input, Map.of("Accept", "text/event-stream"));
        conforms("POST", "/v1/functions/{name}/invocations", streamed, 200);
        assertThat(streamed.body()).contains("event:result").contains("\"coldStart\":");
        String id = accepted.json().get("id").asText();
        Await.until(
                "the asynchronous call ends",
                Duration.ofSeconds(60),
                () -> "succeeded"
                        .equals(runtime.send("GET", "/v1/invocations/" + id, null)
                                .json()
                                .get("status")
                                .asText()));
        conforms("GET", "/v1/invocations/{id}", send("GET", "/v1/invocations/" + id, null), 200);
        conforms("GET", "/v1/invocations/{id}", send("GET", "/v1/invocations/NOT-HEX", null), 400);
        conforms("GET", "/v1/invocations/{id}/events", send("GET", "/v1/invocations/" + id + "/events", null), 200);
        conforms("GET", "/v1/invocations/{id}/attempts", send("GET", "/v1/invocations/" + id + "/attempts", null), 200);
        conforms("GET", "/v1/invocations/{id}/callback", send("GET", "/v1/invocations/" + id + "/callback", null), 404);
        conforms("POST", "/v1/invocations/{id}/redrive", send("POST", "/v1/invocations/" + id + "/redrive", null), 409);
        conforms(
                "GET",
                "/v1/functions/{name}/invocations",
                send("GET", "/v1/functions/hello/invocations?limit=5", null),
                200);
        conforms(
                "GET",
                "/v1/functions/{name}/dead-letters",
                send("GET", "/v1/functions/hello/dead-letters?limit=5", null),
                200);
        conforms(
                "POST",
                "/v1/functions/{name}/dead-letters/redrive",
                send("POST", "/v1/functions/hello/dead-letters/redrive", null),
                200);
        conforms(
                "DELETE",
                "/v1/functions/{name}/dead-letters",
                send("DELETE", "/v1/functions/hello/dead-letters", null),
                200);
        Reply secret = send("GET", "/v1/functions/hello/callback-secret", null);
        conforms("GET", "/v1/functions/{name}/callback-secret", secret, secret.status());

        for (String method : TRIGGER_METHODS) {
            boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
            conforms(method, "/fn/{name}", request(method, "/fn/hello", body ? input : null), 200);
            conforms(method, "/fn/{name}/{path}", request(method, "/fn/hello/a/b", body ? input : null), 200);
        }
        conforms("POST", "/fn/{name}", runtime.sendAs(null, "POST", "/fn/hello", input), 401);

        Reply key = send("POST", "/v1/keys", null);
        conforms("POST", "/v1/keys", key, 201);
        String keyId = key.json().get("id").asText();
        conforms("GET", "/v1/keys", send("GET", "/v1/keys", null), 200);
        conforms("GET", "/v1/keys/{id}", send("GET", "/v1/keys/" + keyId, null), 200);
        conforms(
                "GET",
                "/v1/keys/{id}",
                runtime.sendAs(key.json().get("key").asText(), "GET", "/v1/keys/" + keyId, null),
                403);
        conforms("DELETE", "/v1/keys/{id}", send("DELETE", "/v1/keys/" + keyId, null), 204);

        // A real build is SourceUploadIT's; here the refusals, which need no image.
        conforms(
                "POST",
                "/v1/functions/{name}/source",
                send("POST", "/v1/functions/hello/source", "{\"not\": \"an archive\"}"),
                400);
        String unknownBuild = "/v1/builds/0123456789abcdef0123456789abcdef";
        conforms("GET", "/v1/builds/{id}", send("GET", unknownBuild, null), 404);
        conforms("GET", "/v1/builds/{id}/events", send("GET", unknownBuild + "/events", null), 404);
        conforms("GET", "/v1/whoami", send("GET", "/v1/whoami", null), 200);
        conforms("GET", "/v1/stats/functions", send("GET", "/v1/stats/functions?window=1d", null), 200);
        conforms("GET", "/v1/stats/functions", send("GET", "/v1/stats/functions?window=1y", null), 400);
        conforms("GET", "/v1/functions/{name}/stats", send("GET", "/v1/functions/hello/stats", null), 200);
        conforms("GET", "/v1/functions/{name}/stats", send("GET", "/v1/functions/nobody/stats", null), 404);
        conforms("GET", "/ui/{path}", runtime.sendAs(null, "GET", "/ui/index.html", null), 200);
        conforms("GET", "/ui/{path}", runtime.sendAs(null, "GET", "/ui/js/app.js", null), 200);
        conforms("GET", "/ui/{path}", runtime.sendAs(null, "GET", "/ui/nothing-here.html", null), 404);
        conforms("HEAD", "/ui/{path}", runtime.sendAs(null, "HEAD", "/ui/index.html", null), 200);

        conforms("GET", "/healthz", runtime.sendAs(null, "GET", "/healthz", null), 200);
        conforms("GET", "/readyz", runtime.sendAs(null, "GET", "/readyz", null), 200);
        conforms("GET", "/metrics", runtime.sendAs(null, "GET", "/metrics", null), 200);
        conforms("DELETE", "/v1/functions/{name}", send("DELETE", "/v1/functions/hello", null), 204);

        Set<String> documented = new TreeSet<>();
        check.document()
                .get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> covered = new TreeSet<>(answered);
        covered.addAll(NOT_SENT.keySet());
        assertThat(covered)
                .as("operations this test sent a request or says why not (NOT_SENT)")
                .containsExactlyElementsOf(documented);
    }

    /** The request with the operation's documented example body, or {@code body} when it has none. */
    private Reply send(String method, String path, String body) {
        String template = templateOf(method, path);
        JsonNode example = template == null ? null : example(method, template);
        return runtime.send(method, path, body != null || example == null ? body : example.toString());
    }

    /** The document's path template that {@code path} (without its query) is an instance of. */
    private String templateOf(String method, String path) {
        String bare = path.replaceAll("\\?.*", "");
        for (var paths = check.document().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (bare.matches(entry.getKey().replaceAll("\\{[a-z]+}", "[^/]+"))
                    && entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return entry.getKey();
            }
        }
        return null;
    }

    private JsonNode example(String method, String template) {
        JsonNode content = check.operation(method, template).path("requestBody").path("content");
        for (JsonNode media : content) {
            if (media.has("example")) {
                return media.get("example").deepCopy();
            }
        }
        return null;
    }

    private Reply upload() throws Exception {
        return runtime.send("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(TestImages.functions()), Map.of());
    }

    private Reply request(String method, String path, String body) {
        return request(method, path, body, Map.of());
    }

    /** A request with the admin key, these headers and {@code body} as JSON, or none when null. */
    private Reply request(String method, String path, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return runtime.send(
                method,
                path,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                headers);
    }

    /** Checks the answer against the document's response for its status, which must be {@code expected}. */
    private void conforms(String method, String template, Reply reply, int expected) {
        String operationKey = method + " " + template;
        assertThat(reply.status()).as("%s: %s", operationKey, reply).isEqualTo(expected);
        JsonNode response = check.response(check.operation(method, template), reply.status());
        assertThat(response)
                .as("%s documents status %s", operationKey, reply.status())
                .isNotNull();
        Map<String, JsonNode> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), check.resolve(h.getValue())));
        headers.forEach((name, header) -> {
            String value = reply.header(name);
            if (header.path("required").asBoolean()) {
                assertThat(value)
                        .as("%s %s: header %s", operationKey, reply.status(), name)
                        .isNotNull();
            }
            if (value != null) {
                assertThat(check.problems(header.get("schema"), TextNode.valueOf(value)))
                        .as("%s %s: header %s: %s", operationKey, reply.status(), name, value)
                        .isEmpty();
            }
        });
        JsonNode content = response.get("content");
        if (content == null || method.equals("HEAD") || reply.status() == 304) {
            assertThat(reply.raw().body())
                    .as("%s %s has no body", operationKey, reply.status())
                    .isEmpty();
        } else {
            String type = String.valueOf(reply.header("Content-Type"))
                    .replaceAll(";.*", "")
                    .trim();
            JsonNode media = content.has(type) ? content.get(type) : content.get("*/*");
            assertThat(media)
                    .as("%s %s: media type %s is documented", operationKey, reply.status(), type)
                    .isNotNull();
            if (type.endsWith("json")) {
                assertThat(check.problems(media.get("schema"), reply.json()))
                        .as("%s %s: body %s", operationKey, reply.status(), reply.body())
                        .isEmpty();
            }
        }
        answered.add(operationKey);
    }
}
