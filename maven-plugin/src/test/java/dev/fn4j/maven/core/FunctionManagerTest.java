package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** fn:list and fn:delete against a stand-in runtime. */
@ExtendWith(StubRuntimeExtension.class)
class FunctionManagerTest {

    private StubRuntime stub;
    private RuntimeConnection connection;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        connection = RuntimeConnection.open(stub.url(), ApiKey.of("key-123456", "FN4J_API_KEY", "fn4j"));
    }

    @Test
    void listsNameRevisionStatusInstancesPublicAndUrlAligned() throws Exception {
        stub.on("GET /v1/functions", 200, """
                {"functions":[
                  {"name":"hello","revision":12,"url":"/fn/hello","public":true,"instances":[{"id":"a"},{"id":"b"}],
                   "revisions":[{"revision":12,"image":"sha256:x","handler":"H","deployedAt":"t"}]},
                  {"name":"a-much-longer-name","revision":1,"instances":[]}]}""");

        new FunctionManager(connection, log).list();

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] 2 functions on " + stub.url() + ":",
                        "[INFO]   NAME                REVISION  STATUS  INSTANCES  PUBLIC  URL",
                        "[INFO]   a-much-longer-name  1         active  0          no      " + stub.url()
                                + "/fn/a-much-longer-name",
                        "[INFO]   hello               12        active  2          yes     " + stub.url()
                                + "/fn/hello");
        assertThat(stub.received().get(0).authorization()).isEqualTo("Bearer key-123456");
    }

    @Test
    void aFailedFunctionIsListedAsFailedWithTheFirstLineOfItsReason() throws Exception {
        stub.on("GET /v1/functions", 200, """
                {"functions":[
                  {"name":"broken","revision":2,"url":"/fn/broken","status":"failed","instances":[],
                   "error":{"code":"handler_failed","message":"handler com.example.Broken failed to start\\nat X"}},
                  {"name":"ok","revision":1,"url":"/fn/ok","status":"active","instances":[]}]}""");

        new FunctionManager(connection, log).list();

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] 2 functions on " + stub.url() + ":",
                        "[INFO]   NAME    REVISION  STATUS  INSTANCES  PUBLIC  URL",
                        "[INFO]   broken  2         failed  0          no      " + stub.url() + "/fn/broken",
                        "[INFO]   ok      1         active  0          no      " + stub.url() + "/fn/ok",
                        "[WARNING] Function 'broken' failed, so calls to it fail until it is deployed again:"
                                + " handler com.example.Broken failed to start");
    }

    @Test
    void saysWhenNothingIsDeployed() throws Exception {
        stub.on("GET /v1/functions", 200, "{\"functions\":[]}");
        assertThat(new FunctionManager(connection, log).list()).isEmpty();
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] No functions are deployed on " + stub.url() + ": deploy one with mvn fn:deploy.");
    }

    @Test
    void aRefusedKeySaysWhereItCameFrom() {
        stub.on(
                "GET /v1/functions",
                401,
                "{\"error\":{\"code\":\"unauthorized\"," + "\"message\":\"no such key: key-123456\"}}");
        assertThatThrownBy(() -> new FunctionManager(connection, log).list())
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " refused the API key from"
                        + " FN4J_API_KEY (unauthorized: no such key: ****): set a valid key with"
                        + " -Dfn.apiKey, FN4J_API_KEY or a settings.xml <server> with id 'fn4j'"
                        + " (its <password>).");
    }

    @Test
    void deletesEachFunction() throws Exception {
        stub.on("DELETE /v1/functions/a", new StubRuntime.Answer(204, "", Map.of()))
                .on("DELETE /v1/functions/b", new StubRuntime.Answer(204, "", Map.of()));

        new FunctionManager(connection, log).delete(List.of("a", "b"));

        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("DELETE /v1/functions/a", "DELETE /v1/functions/b");
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Deleted function 'a' from " + stub.url() + "; its instances are stopped.",
                        "[INFO] Deleted function 'b' from " + stub.url() + "; its instances are stopped.");
    }

    @Test
    void anUnknownFunctionFailsAfterTheOthersAreDeleted() {
        String notFound = "{\"error\":{\"code\":\"function_not_found\",\"message\":\"no function\"}}";
        stub.on("DELETE /v1/functions/a", 404, notFound)
                .on("DELETE /v1/functions/b", new StubRuntime.Answer(204, "", Map.of()));

        assertThatThrownBy(() -> new FunctionManager(connection, log).delete(List.of("a", "b")))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("No function named 'a' on " + stub.url() + ": there is nothing to delete."
                        + " See the deployed functions with mvn fn:list, and name one with -Dfn.name.");
        assertThat(stub.received()).hasSize(2);

        stub.on("DELETE /v1/functions/b", 404, notFound);
        assertThatThrownBy(() -> new FunctionManager(connection, log).delete(List.of("a", "b")))
                .hasMessageStartingWith("No functions named 'a', 'b' on " + stub.url() + ": ");
    }

    @Test
    void aKeyWithoutTheScopeToDelete() {
        stub.on("DELETE /v1/functions/a", 403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"invoke only\"}}");
        assertThatThrownBy(() -> new FunctionManager(connection, log).delete(List.of("a")))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " refused to delete function 'a'"
                        + " (forbidden: invoke only): the key's scope does not allow it (the API key"
                        + " from FN4J_API_KEY). Use a key whose scope does, set with -Dfn.apiKey,"
                        + " FN4J_API_KEY or a settings.xml <server> with id 'fn4j' (its <password>).");
    }

    @Test
    void aRuntimeFailureOnDelete() {
        stub.on("DELETE /v1/functions/a", 503, "{\"error\":{\"code\":\"engine_unavailable\",\"message\":\"down\"}}");
        assertThatThrownBy(() -> new FunctionManager(connection, log).delete(List.of("a")))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not delete function 'a':"
                        + " engine_unavailable: down");
    }

    @Test
    void theNamesToDelete() throws Exception {
        FunctionOptions a = new FunctionOptions("a", null, null, Map.of());
        FunctionOptions b = new FunctionOptions("b", null, null, Map.of());
        assertThat(FunctionSettings.projectNames(null, List.of(), "demo")).containsExactly("demo");
        assertThat(FunctionSettings.projectNames(null, List.of(a, b), "demo")).containsExactly("a", "b");
        assertThat(FunctionSettings.projectNames(" other ", List.of(a, b), "demo"))
                .containsExactly("other");
        assertThatThrownBy(() -> FunctionSettings.projectNames("Bad_Name", List.of(), "demo"))
                .isInstanceOf(FnFailureException.class)
                .hasMessageStartingWith("<name> (-Dfn.name) is 'Bad_Name', not a valid function name");
    }
}
