package dev.fn4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key calls ({@code /v1/keys}) and the rules they check before calling. */
@ExtendWith(StubRuntimeExtension.class)
class ApiKeysTest {

    private static final String KEY = "fn4j_3f9a0c1b2d4e_" + "x".repeat(43);

    private StubRuntime stub;
    private RuntimeClient client;

    @BeforeEach
    void start(StubRuntime stub) {
        this.stub = stub;
        client = RuntimeClient.builder(stub.uri()).apiKey("admin-key").build();
    }

    @Test
    void createsAKeyAndKeepsTheKeyApartFromItsDescription() throws Exception {
        stub.answer(201, """
                {"id": "3f9a0c1b2d4e", "name": "ci", "scope": "invoke", "createdAt": "2026-11-22T10:00:00Z",
                 "expiresAt": "2026-12-22T10:00:00Z", "lastUsedAt": null, "key": "%s"}""".formatted(KEY));

        CreatedApiKey created = client.createKey("ci", "invoke", "30d");

        assertThat(stub.last().method()).isEqualTo("POST");
        assertThat(stub.last().path()).isEqualTo("/v1/keys");
        assertThat(stub.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(stub.last().header("Authorization")).isEqualTo("Bearer admin-key");
        assertThat(stub.last().text()).isEqualTo("{\"name\":\"ci\",\"scope\":\"invoke\",\"expiresIn\":\"30d\"}");
        assertThat(created.description())
                .isEqualTo(new ApiKeyDescription(
                        "3f9a0c1b2d4e", "ci", "invoke", "2026-11-22T10:00:00Z", "2026-12-22T10:00:00Z", null));
        assertThat(created.key()).isEqualTo(KEY);
        assertThat(created.toString()).doesNotContain(KEY);
    }

    @Test
    void sendsNoExpiryForAKeyThatNeverExpires() throws Exception {
        stub.answer(
                201,
                "{\"id\": \"3f9a0c1b2d4e\", \"name\": \"ops\", \"scope\": \"admin\","
                        + " \"createdAt\": \"2026-11-22T10:00:00Z\", \"key\": \"" + KEY + "\"}");

        CreatedApiKey created = client.createKey("ops", "admin", null);

        assertThat(stub.last().text()).isEqualTo("{\"name\":\"ops\",\"scope\":\"admin\"}");
        assertThat(created.description().expiresAt()).isNull();
        assertThat(created.description().lastUsedAt()).isNull();
    }

    @Test
    void aCreatedAnswerWithoutTheKeyIsAClientError() {
        stub.answer(201, "{\"id\": \"3f9a0c1b2d4e\", \"name\": \"ci\", \"scope\": \"invoke\"}");
        assertThatThrownBy(() -> client.createKey("ci", "invoke", null))
                .isExactlyInstanceOf(RuntimeClientException.class)
                .hasMessage("Cannot read the fn4j runtime's answer to POST " + stub.uri()
                        + "/v1/keys (HTTP 201): it has no \"key\"");
    }

    @Test
    void aRejectedKeyIsAnApiError() {
        stub.answer(400, "{\"error\": {\"code\": \"bad_request\", \"message\": \"unknown field 'expiresIn'\"}}");
        assertThatThrownBy(() -> client.createKey("ci", "invoke", "30d"))
                .isInstanceOfSatisfying(RuntimeApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("bad_request");
                });
    }

    @Test
    void listsKeysAndTakesAbsentTimesAsNull() throws Exception {
        stub.answer(200, """
                {"keys": [
                  {"id": "000000000001", "name": "admin", "scope": "admin", "createdAt": "2026-11-21T09:00:00Z"},
                  {"id": "3f9a0c1b2d4e", "name": "ci", "scope": "invoke", "createdAt": "2026-11-22T10:00:00Z",
                   "expiresAt": "2026-12-22T10:00:00Z", "lastUsedAt": "2026-11-22T11:00:00Z", "somethingNew": 1}]}""");

        assertThat(client.listKeys())
                .containsExactly(
                        new ApiKeyDescription("000000000001", "admin", "admin", "2026-11-21T09:00:00Z", null, null),
                        new ApiKeyDescription(
                                "3f9a0c1b2d4e",
                                "ci",
                                "invoke",
                                "2026-11-22T10:00:00Z",
                                "2026-12-22T10:00:00Z",
                                "2026-11-22T11:00:00Z"));
        assertThat(stub.last().method()).isEqualTo("GET");
        assertThat(stub.last().path()).isEqualTo("/v1/keys");

        stub.answer(200, "{}");
        assertThat(client.listKeys()).isEmpty();
    }

    @Test
    void deletesAKey() throws Exception {
        stub.answer(204, "", Map.of());
        client.deleteKey("3f9a0c1b2d4e");
        assertThat(stub.last().method()).isEqualTo("DELETE");
        assertThat(stub.last().path()).isEqualTo("/v1/keys/3f9a0c1b2d4e");
    }

    @Test
    void theOnlyAdminKeyIsAConflict() {
        stub.answer(409, "{\"error\": {\"code\": \"last_admin_key\", \"message\": \"the only admin key\"}}");
        assertThatThrownBy(() -> client.deleteKey("3f9a0c1b2d4e"))
                .isInstanceOfSatisfying(RuntimeApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("last_admin_key");
                    assertThat(e.errorMessage()).isEqualTo("the only admin key");
                });
    }

    @Test
    void rejectsBadArgumentsBeforeCallingNamingTheValue() {
        assertThatThrownBy(() -> client.createKey(" ", "invoke", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name is ' ': use 1 to 100 characters without control characters");
        assertThatThrownBy(() -> client.createKey("ci", "owner", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope is 'owner': use invoke or admin");
        assertThatThrownBy(() -> client.createKey("ci", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope is null: use invoke or admin");
        assertThatThrownBy(() -> client.createKey("ci", "invoke", "30x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expiresIn is '30x': use <n>m, <n>h or <n>d, e.g. 30d");
        assertThatThrownBy(() -> client.deleteKey("../functions"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id is '../functions': use 12 lower-case hex digits, as GET /v1/keys lists them");
        assertThat(stub.count()).isZero();
    }

    @Test
    void parsesExpiries() {
        assertThat(ApiKeyFormat.parseExpiresIn("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ApiKeyFormat.parseExpiresIn("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(ApiKeyFormat.parseExpiresIn("3650d")).isEqualTo(Duration.ofDays(3650));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30D", "1w", "1.5d", " 30d", "-1d", "30s", "d"})
    void rejectsExpiriesNotInTheFormat(String value) {
        assertThatThrownBy(() -> ApiKeyFormat.parseExpiresIn(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("use <n>m, <n>h or <n>d, e.g. 30d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "0d", "3651d", "87601h", "5256001m"})
    void rejectsExpiriesOutOfRange(String value) {
        assertThatThrownBy(() -> ApiKeyFormat.parseExpiresIn(value)).hasMessage("use 1m to 3650d");
    }

    @Test
    void checksNamesAsTheRuntimeDoes() {
        assertThat(ApiKeyFormat.checkName("ci deploys")).isEqualTo("ci deploys");
        assertThat(ApiKeyFormat.checkName(" " + "n".repeat(100) + " ")).isNotNull();
        for (String bad : new String[] {null, "", "   ", "n".repeat(101), "a\nb"}) {
            assertThatThrownBy(() -> ApiKeyFormat.checkName(bad))
                    .hasMessage("use 1 to 100 characters without control characters");
        }
    }

    @Test
    void acceptsOnlyTwelveLowerCaseHexDigitsAsId() {
        assertThat(ApiKeyFormat.isValidId("3f9a0c1b2d4e")).isTrue();
        for (String bad : new String[] {null, "", "3F9A0C1B2D4E", "3f9a0c1b2d4", "3f9a0c1b2d4e0", "3f9a0c1b2d4g"}) {
            assertThat(ApiKeyFormat.isValidId(bad)).as(bad).isFalse();
        }
    }
}
