package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.CreatedApiKey;
import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** fn:keys against a stand-in runtime: listing, creating and deleting keys, and its settings. */
@ExtendWith(StubRuntimeExtension.class)
class KeyManagerTest {

    private static final String NEW_KEY = "fn4j_3f9a0c1b2d4e_" + "s".repeat(43);

    private StubRuntime stub;
    private RuntimeConnection connection;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        connection = RuntimeConnection.open(stub.url(), ApiKey.of("key-123456", "FN4J_API_KEY", "fn4j"));
    }

    private KeyManager keys() {
        return new KeyManager(connection, log);
    }

    @Test
    void listsIdNameScopeAndTimesAlignedWithNeverAndDashForNone() throws Exception {
        stub.on("GET /v1/keys", 200, """
                {"keys":[
                  {"id":"000000000001","name":"admin","scope":"admin","createdAt":"2026-11-21T09:00:00Z"},
                  {"id":"3f9a0c1b2d4e","name":"ci deploys","scope":"invoke","createdAt":"2026-11-22T10:00:00Z",
                   "expiresAt":"2026-12-22T10:00:00Z","lastUsedAt":"2026-11-22T11:00:00Z"},
                  {"id":"00000000000a","name":"x","scope":"invoke","createdAt":"2026-11-22T12:00:00Z",
                   "expiresAt":null,"lastUsedAt":null}]}""");

        assertThat(keys().list()).hasSize(3);

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] 3 keys on " + stub.url() + ":",
                        "[INFO]   ID            NAME        SCOPE   CREATED               EXPIRES               LAST USED",
                        "[INFO]   000000000001  admin       admin   2026-11-21T09:00:00Z  never                 -",
                        "[INFO]   3f9a0c1b2d4e  ci deploys  invoke  2026-11-22T10:00:00Z  2026-12-22T10:00:00Z  2026-11-22T11:00:00Z",
                        "[INFO]   00000000000a  x           invoke  2026-11-22T12:00:00Z  never                 -");
        assertThat(stub.received().get(0).authorization()).isEqualTo("Bearer key-123456");
    }

    @Test
    void countsOneKeyInTheSingular() throws Exception {
        stub.on(
                "GET /v1/keys",
                200,
                "{\"keys\":[{\"id\":\"000000000001\",\"name\":\"admin\","
                        + "\"scope\":\"admin\",\"createdAt\":\"2026-11-21T09:00:00Z\"}]}");
        keys().list();
        assertThat(log.lines.get(0)).isEqualTo("[INFO] 1 key on " + stub.url() + ":");
    }

    @Test
    void aKeyWithoutTheScopeToListKeysGetsTheUsualRefusal() {
        stub.on("GET /v1/keys", 403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"needs admin\"}}");
        assertThatThrownBy(() -> keys().list())
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " refused to list API keys"
                        + " (forbidden: needs admin): the key's scope does not allow it (the API key"
                        + " from FN4J_API_KEY). Use a key whose scope does, set with -Dfn.apiKey,"
                        + " FN4J_API_KEY or a settings.xml <server> with id 'fn4j' (its <password>).");
    }

    @Test
    void createsAKeyAndLogsItsIdScopeAndExpiryButNeverTheKey() throws Exception {
        stub.on("POST /v1/keys", 201, """
                {"id":"3f9a0c1b2d4e","name":"ci","scope":"admin","createdAt":"2026-11-22T10:00:00Z",
                 "expiresAt":"2026-12-22T10:00:00Z","lastUsedAt":null,"key":"%s"}""".formatted(NEW_KEY));

        CreatedApiKey created = keys().create(KeyRequest.of("ci", "admin", "30d", null));

        assertThat(created.key()).isEqualTo(NEW_KEY);
        assertThat(stub.received().get(0).text())
                .isEqualTo("{\"name\":\"ci\",\"scope\":\"admin\",\"expiresIn\":\"30d\"}");
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Created API key 3f9a0c1b2d4e 'ci' on " + stub.url()
                                + ": scope admin, expires 2026-12-22T10:00:00Z.",
                        "[INFO] This is the only time the key is shown; keep it in a settings.xml <server>"
                                + " or a secret store.");
    }

    @Test
    void aKeyWithoutExpirySaysItNeverExpires() throws Exception {
        stub.on(
                "POST /v1/keys",
                201,
                "{\"id\":\"3f9a0c1b2d4e\",\"name\":\"ci\",\"scope\":\"invoke\","
                        + "\"createdAt\":\"2026-11-22T10:00:00Z\",\"key\":\"" + NEW_KEY + "\"}");

        keys().create(KeyRequest.of("ci", null, null, null));

        assertThat(stub.received().get(0).text()).isEqualTo("{\"name\":\"ci\",\"scope\":\"invoke\"}");
        assertThat(log.lines.get(0)).endsWith(": scope invoke, never expires.");
    }

    @Test
    void aRejectedKeyIsTheUsersFailureWithTheRuntimesWords() {
        stub.on(
                "POST /v1/keys",
                400,
                "{\"error\":{\"code\":\"bad_request\","
                        + "\"message\":\"unknown field 'expiresIn'; known fields: name, scope\"}}");
        assertThatThrownBy(() -> keys().create(KeyRequest.of("ci", "invoke", "30d", null)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not create API key 'ci':"
                        + " bad_request: unknown field 'expiresIn'; known fields: name, scope");
    }

    @Test
    void deletesAKey() throws Exception {
        stub.on("DELETE /v1/keys/3f9a0c1b2d4e", new StubRuntime.Answer(204, "", Map.of()));
        keys().delete("3f9a0c1b2d4e");
        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("DELETE /v1/keys/3f9a0c1b2d4e");
        assertThat(log.lines).containsExactly("[INFO] Deleted API key 3f9a0c1b2d4e.");
    }

    @Test
    void anUnknownKeySaysHowToListThem() {
        stub.on(
                "DELETE /v1/keys/3f9a0c1b2d4e",
                404,
                "{\"error\":{\"code\":\"key_not_found\",\"message\":\"no API key '3f9a0c1b2d4e'\"}}");
        assertThatThrownBy(() -> keys().delete("3f9a0c1b2d4e"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("No API key '3f9a0c1b2d4e' on " + stub.url() + ": list them with mvn fn:keys.");
    }

    @Test
    void theOnlyAdminKeySaysToCreateAnotherFirst() {
        stub.on(
                "DELETE /v1/keys/3f9a0c1b2d4e",
                409,
                "{\"error\":{\"code\":\"last_admin_key\","
                        + "\"message\":\"API key '3f9a0c1b2d4e' is the only admin key; create another admin"
                        + " key (POST /v1/keys) before deleting it\"}}");
        assertThatThrownBy(() -> keys().delete("3f9a0c1b2d4e"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not delete API key"
                        + " '3f9a0c1b2d4e': last_admin_key: API key '3f9a0c1b2d4e' is the only admin"
                        + " key; create another admin key (POST /v1/keys) before deleting it. Create"
                        + " another admin key first with mvn fn:keys -Dfn.createKey=<name>"
                        + " -Dfn.keyScope=admin, then delete this one.");
    }

    @Test
    void aRuntimeFailureOnDeleteIsAnExecutionFailure() {
        stub.on(
                "DELETE /v1/keys/3f9a0c1b2d4e",
                500,
                "{\"error\":{\"code\":\"internal_error\",\"message\":\"database down\"}}");
        assertThatThrownBy(() -> keys().delete("3f9a0c1b2d4e"))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not delete API key"
                        + " '3f9a0c1b2d4e': internal_error: database down");
    }

    @Test
    void readsTheRequestAndDefaultsTheScopeToInvoke() throws Exception {
        assertThat(KeyRequest.of(null, "invoke", null, null)).isEqualTo(new KeyRequest(null, "invoke", null, null));
        assertThat(KeyRequest.of(" ci ", " ", "", null)).isEqualTo(new KeyRequest("ci", "invoke", null, null));
        assertThat(KeyRequest.of("", "admin", " 12h ", " 3f9a0c1b2d4e "))
                .isEqualTo(new KeyRequest(null, "admin", "12h", "3f9a0c1b2d4e"));
    }

    @Test
    void createAndDeleteAtOnceNamesBoth() {
        assertThatThrownBy(() -> KeyRequest.of("ci", "invoke", null, "3f9a0c1b2d4e"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<createKey> (-Dfn.createKey) and <deleteKey> (-Dfn.deleteKey) are both set"
                        + " ('ci' and '3f9a0c1b2d4e'): keep only one of them, and create and delete keys"
                        + " in separate runs.");
    }

    @Test
    void badSettingsNameThePropertyAndTheValue() {
        assertThatThrownBy(() -> KeyRequest.of("ci", "owner", null, null))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<keyScope> (-Dfn.keyScope) is 'owner', not a scope: use invoke or admin.");
        assertThatThrownBy(() -> KeyRequest.of("ci", "invoke", "30x", null))
                .hasMessage("<keyExpiresIn> (-Dfn.keyExpiresIn) is '30x', not a duration:"
                        + " use <n>m, <n>h or <n>d, e.g. 30d.");
        assertThatThrownBy(() -> KeyRequest.of("ci", "invoke", "3651d", null))
                .hasMessage("<keyExpiresIn> (-Dfn.keyExpiresIn) is '3651d', out of range: use 1m to 3650d.");
        assertThatThrownBy(() -> KeyRequest.of("n".repeat(101), "invoke", null, null))
                .hasMessage("<createKey> (-Dfn.createKey) is '" + "n".repeat(101) + "', not an API key"
                        + " name: use 1 to 100 characters without control characters.");
        assertThatThrownBy(() -> KeyRequest.of(null, "invoke", null, "ci"))
                .hasMessage("<deleteKey> (-Dfn.deleteKey) is 'ci', not an API key id: use the id"
                        + " mvn fn:keys lists, 12 lower-case hex digits.");
        assertThat(stub.received()).isEmpty();
    }
}
