package dev.fn4j.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {

    private static ObjectNode json(String text) {
        return (ObjectNode)
                SchemaCheck.parse(text.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode paths(String operations, Endpoint... endpoints) {
        return new Operations(Catalogue.of(json(operations), json("{}"))).paths(List.of(endpoints));
    }

    @Test
    void aPrefixRouteIsDocumentedUnderItsTemplatesWithItsMethods() {
        JsonNode paths = paths(
                "{'* /ui/*': {'operationId': 'page', 'x-fn4j-paths': ['/ui/{path}'], 'x-fn4j-methods': ['GET', 'HEAD'],"
                        + " 'responses': {'200': {'description': 'a page'}}}}",
                new Endpoint("*", "/ui/*", Endpoint.Guard.OPEN, "Serve the dashboard"));
        assertThat(paths.get("/ui/{path}").size()).isEqualTo(2);
        JsonNode get = paths.at("/~1ui~1{path}/get");
        assertThat(get.get("operationId").asText()).isEqualTo("pageGet");
        assertThat(get.get("summary").asText()).isEqualTo("Serve the dashboard");
        assertThat(get.get("security")).isEmpty();
        assertThat(get.at("/parameters/0/name").asText()).isEqualTo("path");
        assertThat(get.at("/responses/200/headers/Fn-Request-Id/$ref").asText())
                .isEqualTo("#/components/headers/Fn-Request-Id");
        assertThat(get.has("x-fn4j-methods")).isFalse();
    }

    @Test
    void aRouteWithoutDocumentationIsStillDescribedAsUndocumented() {
        JsonNode get = paths("{}", new Endpoint("GET", "/v1/whoami", Endpoint.Guard.INVOKE, "Who am I"))
                .at("/~1v1~1whoami/get");
        assertThat(get.get("description").asText()).isEqualTo("not documented yet");
        assertThat(get.get("x-fn4j-scope").asText()).isEqualTo("invoke");
        assertThat(get.get("responses").has("401")).isTrue();
    }

    @Test
    void anErrorStatusNoCodeHasIsRefusedNamingTheRoute() {
        assertThatThrownBy(() -> paths(
                        "{'GET /a': {'responses': {}, 'errors': [418]}}",
                        new Endpoint("GET", "/a", Endpoint.Guard.ADMIN, "A")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GET /a lists error status 418, which no error code has; see ErrorCode");
    }

    @Test
    void documentedPathParametersStayAndMissingOnesAreAdded() {
        JsonNode parameters = paths(
                        "{'GET /v1/keys/{id}/x/{name}': {'parameters': [{'name': 'id', 'in': 'path', 'required': true,"
                                + " 'schema': {'$ref': '#/components/schemas/KeyId'}}], 'responses': {}}}",
                        new Endpoint("GET", "/v1/keys/{id}/x/{name}", Endpoint.Guard.ADMIN, "A"))
                .at("/~1v1~1keys~1{id}~1x~1{name}/get/parameters");
        assertThat(parameters.size()).isEqualTo(2);
        assertThat(parameters.at("/0/schema/$ref").asText()).isEqualTo("#/components/schemas/KeyId");
        assertThat(parameters.at("/1/schema/$ref").asText()).isEqualTo("#/components/schemas/FunctionName");
    }
}
