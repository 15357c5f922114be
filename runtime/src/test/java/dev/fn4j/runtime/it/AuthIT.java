package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.auth.KeyFormat;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.HttpEcho;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys over HTTP: no key or a wrong one is 401, a narrow one 403, admins manage keys that may
 * expire and show when they were last used, public triggers are open, and hostile key ids change
 * nothing. That an expired key is refused is {@code ApiKeysTest}'s, with a clock it can move.
 */
class AuthIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @BeforeEach
    void greeterIsDeployed() {
        assertThat(runtime.deploy("auth-greeter", image, Greeter.class.getName(), "")
                        .status())
                .isIn(200, 201);
    }

    private String createKey(String name, String scope) {
        Reply created = runtime.send("POST", "/v1/keys", "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        runtime.send("GET", "/v1/keys", null)
                .json()
                .get("keys")
                .forEach(key -> ids.add(key.get("id").asText()));
        return ids;
    }

    @Test
    void requestsWithoutAKeyGet401AndChangeNothing() {
        String[][] requests = {
            {"GET", "/v1/functions"},
            {"PUT", "/v1/functions/auth-new"},
            {"DELETE", "/v1/functions/auth-greeter"},
            {"POST", "/v1/images"},
            {"POST", "/v1/functions/auth-greeter/invocations"},
            {"POST", "/fn/auth-greeter"},
            {"GET", "/v1/invocations/0123abcd"},
            {"GET", "/v1/keys"},
            {"POST", "/v1/keys"},
            {"GET", "/v2/unknown"}
        };
        for (String[] request : requests) {
            Reply reply = runtime.sendAs(
                    null, request[0], request[1], "{\"image\":\"" + image + "\",\"name\":\"x\",\"scope\":\"admin\"}");
            assertThat(reply.status())
                    .as("%s %s: %s", request[0], request[1], reply)
                    .isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("unauthorized");
            assertThat(reply.errorMessage()).startsWith("this endpoint needs an API key with" + " scope ");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"fn4j\"");
        }
        assertThat(runtime.send("GET", "/v1/functions/auth-new", null).status()).isEqualTo(404);
        assertThat(runtime.send("GET", "/v1/functions/auth-greeter", null).status())
                .isEqualTo(200);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        assertThat(runtime.sendAs(null, "GET", "/healthz", null).status()).isEqualTo(200);
        assertThat(runtime.sendAs(null, "GET", "/metrics", null).status()).isEqualTo(200);
    }

    @Test
    void wrongKeysGet401() {
        String admin = TestKeys.ADMIN;
        String lastChanged = admin.substring(0, admin.length() - 1) + (admin.endsWith("A") ? "B" : "A");
        for (String key :
                List.of(KeyFormat.generate(), lastChanged, "garbage", "'; DROP TABLE api_keys; --", "x".repeat(5000))) {
            Reply reply = runtime.sendAs(key, "GET", "/v1/functions", null);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.errorMessage()).isEqualTo("the API key is not valid: it is unknown, revoked or mistyped");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"fn4j\", error=\"invalid_token\"");
        }
        Reply basic = runtime.send(
                "GET", "/v1/functions", HttpRequest.BodyPublishers.noBody(), Map.of("Authorization", "Basic " + admin));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(runtime.send("GET", "/v1/keys", null).status()).isEqualTo(200);
    }

    @Test
    void anInvokeKeyCallsFunctionsButCannotDeployOrManageKeys() {
        String invoke = createKey("caller", "invoke");
        String id = KeyFormat.parse(invoke).id();

        Reply call = runtime.sendAs(invoke, "POST", "/v1/functions/auth-greeter/invocations", "{\"name\":\"Ada\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(runtime.sendAs(invoke, "POST", "/fn/auth-greeter", "{\"name\":\"Ada\"}")
                        .status())
                .isEqualTo(200);
        assertThat(runtime.sendAs(invoke, "GET", "/v1/invocations/" + call.header("Fn-Request-Id"), null)
                        .status())
                .isEqualTo(200);
        assertThat(runtime.sendAs(invoke, "GET", "/v1/functions/auth-greeter/invocations", null)
                        .status())
                .isEqualTo(200);

        Reply deploy = runtime.sendAs(
                invoke, "PUT", "/v1/functions/auth-greeter", "{\"image\":\"" + image + "\",\"timeout\":\"1s\"}");
        assertThat(deploy.status()).isEqualTo(403);
        assertThat(deploy.errorCode()).isEqualTo("forbidden");
        assertThat(deploy.errorMessage())
                .isEqualTo("API key '" + id + "' has scope invoke," + " and this endpoint needs admin");
        assertThat(runtime.sendAs(invoke, "DELETE", "/v1/functions/auth-greeter", null)
                        .status())
                .isEqualTo(403);
        assertThat(runtime.sendAs(invoke, "POST", "/v1/keys", "{\"name\":\"escalate\",\"scope\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(runtime.send("GET", "/v1/functions/auth-greeter", null)
                        .json()
                        .get("timeout")
                        .asText())
                .isEqualTo("30s");
    }

    @Test
    void adminsListShowAndRevokeKeysWhoseSecretIsShownOnlyOnce() {
        Reply created = runtime.send("POST", "/v1/keys", "{\"name\":\"ci\",\"scope\":\"invoke\"}");
        String key = created.json().get("key").asText();
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/keys/" + id);
        assertThat(created.json().get("scope").asText()).isEqualTo("invoke");
        String secret = KeyFormat.parse(key).secret();

        Reply list = runtime.send("GET", "/v1/keys", null);
        assertThat(keyIds()).contains(id, KeyFormat.parse(TestKeys.ADMIN).id());
        assertThat(list.body()).doesNotContain(secret).doesNotContain("\"key\"");
        JsonNode shown = runtime.send("GET", "/v1/keys/" + id, null).json();
        assertThat(shown.get("name").asText()).isEqualTo("ci");
        assertThat(shown.has("key")).isFalse();

        assertThat(runtime.sendAs(key, "POST", "/fn/auth-greeter", "{}").status())
                .isEqualTo(200);
        assertThat(runtime.send("DELETE", "/v1/keys/" + id, null).status()).isEqualTo(204);
        assertThat(runtime.sendAs(key, "POST", "/fn/auth-greeter", "{}").status())
                .isEqualTo(401);
        Reply again = runtime.send("DELETE", "/v1/keys/" + id, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("key_not_found");
        assertThat(keyIds()).doesNotContain(id);
    }

    @Test
    void aKeyCreatedToExpireShowsWhenAndEveryKeyShowsWhenItWasLastUsed() throws Exception {
        Instant before = Instant.now();
        Reply created =
                runtime.send("POST", "/v1/keys", "{\"name\":\"brief\",\"scope\":\"invoke\",\"expiresIn\":\"1m\"}");
        Instant after = Instant.now();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode view = created.json();
        Instant createdAt = Instant.parse(view.get("createdAt").asText());
        Instant expiresAt = Instant.parse(view.get("expiresAt").asText());
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofMinutes(1));
        assertThat(expiresAt).isBetween(before.plusSeconds(59), after.plusSeconds(61));
        assertThat(view.get("lastUsedAt").isNull()).isTrue();

        String id = view.get("id").asText();
        JsonNode shown = runtime.send("GET", "/v1/keys/" + id, null).json();
        assertThat(shown.get("createdAt")).isEqualTo(view.get("createdAt"));
        assertThat(shown.get("expiresAt")).isEqualTo(view.get("expiresAt"));
        assertThat(shown.get("lastUsedAt").isNull()).isTrue();
        JsonNode admin = keyView(KeyFormat.parse(TestKeys.ADMIN).id());
        assertThat(admin.has("expiresAt")).isTrue();
        assertThat(admin.get("expiresAt").isNull())
                .as("FN4J_ADMIN_KEY never expires")
                .isTrue();

        Instant used = Instant.now();
        assertThat(runtime.sendAs(view.get("key").asText(), "POST", "/fn/auth-greeter", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode lastUsed = shown.get("lastUsedAt");
        for (int i = 0; i < 100 && lastUsed.isNull(); i++) {
            Thread.sleep(100);
            lastUsed = runtime.send("GET", "/v1/keys/" + id, null).json().get("lastUsedAt");
        }
        assertThat(lastUsed.isNull()).as("lastUsedAt is written within 10s").isFalse();
        assertThat(Instant.parse(lastUsed.asText()))
                .isBetween(used.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    private JsonNode keyView(String id) {
        for (JsonNode key : runtime.send("GET", "/v1/keys", null).json().get("keys")) {
            if (key.get("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("GET /v1/keys does not list " + id);
    }

    @Test
    void theLastAdminKeyCannotBeRevokedButAnotherCanBe() {
        String adminId = KeyFormat.parse(TestKeys.ADMIN).id();
        Reply refused = runtime.send("DELETE", "/v1/keys/" + adminId, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("last_admin_key");

        String second = createKey("second admin", "admin");
        assertThat(runtime.sendAs(
                                second,
                                "DELETE",
                                "/v1/keys/" + KeyFormat.parse(second).id(),
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(runtime.send("GET", "/v1/keys", null).status()).isEqualTo(200);
    }

    @Test
    void aPublicFunctionsTriggerNeedsNoKeyButItsApiDoes() {
        assertThat(runtime.deploy("auth-open", image, Greeter.class.getName(), "\"public\":true")
                        .status())
                .isIn(200, 201);
        assertThat(runtime.send("GET", "/v1/functions/auth-open", null)
                        .json()
                        .get("public")
                        .asBoolean())
                .isTrue();
        assertThat(runtime.sendAs(null, "POST", "/fn/auth-open", "{\"name\":\"Ada\"}")
                        .body())
                .contains("Ada");
        assertThat(runtime.sendAs(null, "POST", "/v1/functions/auth-open/invocations", "{}")
                        .status())
                .isEqualTo(401);

        assertThat(runtime.deploy("auth-open", image, HttpEcho.class.getName(), "\"public\":true")
                        .status())
                .isEqualTo(200);
        assertThat(runtime.send(
                                "GET",
                                "/fn/auth-open",
                                HttpRequest.BodyPublishers.noBody(),
                                Map.of("Authorization", "Basic dXNlcjpwdw=="))
                        .body())
                .as("a public function does its own authentication")
                .contains("authorization=Basic dXNlcjpwdw==");

        assertThat(runtime.deploy("auth-open", image, Greeter.class.getName(), "")
                        .status())
                .isEqualTo(200);
        assertThat(runtime.sendAs(null, "POST", "/fn/auth-open", "{}").status()).isEqualTo(401);
        assertThat(runtime.send("DELETE", "/v1/functions/auth-open", null).status())
                .isEqualTo(204);
    }

    @Test
    void hostileKeyIdsGet400AndChangeNothing() {
        List<String> before = keyIds();
        for (String id : List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "%27%3B%20DROP%20TABLE%20api_keys", "ABCDEF012345", "0123456789ab0", "a".repeat(5000))) {
            for (String method : List.of("GET", "DELETE")) {
                Reply reply = runtime.send(method, "/v1/keys/" + id, null);
                assertThat(reply.status()).as("%s %s: %s", method, id, reply).isEqualTo(400);
                assertThat(reply.errorCode()).isEqualTo("invalid_id");
            }
        }
        assertThat(keyIds()).isEqualTo(before);
    }

    @Test
    void badKeyRequestsGet400NamingTheProblem() {
        assertThat(runtime.send("POST", "/v1/keys", "{\"scope\":\"invoke\"}").errorMessage())
                .isEqualTo("\"name\" is required: a string saying what the key is for, such as" + " \"ci\"");
        Reply scope = runtime.send("POST", "/v1/keys", "{\"name\":\"x\",\"scope\":\"root\"}");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.errorMessage())
                .isEqualTo("\"scope\" must be \"admin\" (deploy, delete,"
                        + " manage keys) or \"invoke\" (call functions, read calls): '\"root\"'");
        assertThat(runtime.send("POST", "/v1/keys", "{\"name\":\"x\",\"scope\":\"invoke\"," + "\"ttl\":1}")
                        .errorMessage())
                .isEqualTo("unknown field 'ttl'; known fields:" + " name, scope, expiresIn");
        Reply soon =
                runtime.send("POST", "/v1/keys", "{\"name\":\"x\",\"scope\":\"invoke\"," + "\"expiresIn\":\"soon\"}");
        assertThat(soon.status()).isEqualTo(400);
        assertThat(soon.errorCode()).isEqualTo("bad_request");
        assertThat(soon.errorMessage())
                .isEqualTo("\"expiresIn\" must be <n>m, <n>h or <n>d"
                        + " (minutes, hours, days), for example 90d, from 1m to 3650d: 'soon'");
        for (String outOfRange : List.of("\"0m\"", "\"3651d\"", "\"30s\"", "60")) {
            Reply reply = runtime.send(
                    "POST", "/v1/keys", "{\"name\":\"x\",\"scope\":" + "\"invoke\",\"expiresIn\":" + outOfRange + "}");
            assertThat(reply.status()).as("%s: %s", outOfRange, reply).isEqualTo(400);
            assertThat(reply.errorMessage()).startsWith("\"expiresIn\" must be ");
        }
        assertThat(runtime.send("POST", "/v1/keys", "[]").status()).isEqualTo(400);
        assertThat(runtime.send("POST", "/v1/keys", "{\"name\":\"" + "n".repeat(101) + "\",\"scope\":\"invoke\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void withoutFn4jAdminKeyTheFirstStartGeneratesAKeyPrintsItOnceAndKeepsItPrivate(@TempDir Path tmp)
            throws Exception {
        Path dataDir = tmp.resolve("data");
        String key;
        try (RuntimeProcess first = RuntimeProcess.start(dataDir, List.of(), null)) {
            Path file = dataDir.resolve("admin-key");
            key = Files.readString(file).strip();
            assertThat(KeyFormat.parse(key)).isNotNull();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(first.log).split(key, -1)).hasSize(2);
            assertThat(statusOf(first, key)).isEqualTo(200);
            assertThat(first.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        }
        try (RuntimeProcess second = RuntimeProcess.start(dataDir, List.of(), null)) {
            assertThat(Files.readString(second.log)).doesNotContain(key);
            assertThat(statusOf(second, key)).isEqualTo(200);
            assertThat(statusOf(second, TestKeys.ADMIN)).isEqualTo(401);
        }
    }

    private static int statusOf(RuntimeProcess runtime, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        runtime.request("GET", "/v1/keys", HttpRequest.BodyPublishers.noBody())
                                .setHeader("Authorization", TestKeys.bearer(key))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
