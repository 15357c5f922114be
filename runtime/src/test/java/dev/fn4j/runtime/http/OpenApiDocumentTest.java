package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.openapi.Endpoint;
import dev.fn4j.runtime.openapi.OpenApiDocument;
import dev.fn4j.runtime.openapi.SchemaCheck;
import dev.fn4j.spec.Field;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document against the route table, the error and settings catalogues, a real parser. */
class OpenApiDocumentTest {

    private static final List<Route> ROUTES = RouteTableTest.routes();
    private static final List<Endpoint> ENDPOINTS = OpenApiApi.endpoints(ROUTES);
    private static final JsonNode DOCUMENT = SchemaCheck.parse(
            OpenApiDocument.build(ENDPOINTS, "test").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationHasARoute() {
        assertThat(OpenApiDocument.undocumented(ENDPOINTS))
                .as("routes of RouteTable without an entry in openapi/operations.json")
                .isEmpty();
        assertThat(OpenApiDocument.unrouted(ENDPOINTS))
                .as("entries of openapi/operations.json without a route in RouteTable")
                .isEmpty();
    }

    @Test
    void swaggerParserReadsTheDocumentWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        // Resolving makes the parser report every $ref that does not lead anywhere.
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(DOCUMENT.toString(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/functions/{name}", "/fn/{name}/{path}");
    }

    @Test
    void everyRouteIsAnOperationWithItsSummaryAndScope() {
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        for (Route route : ROUTES) {
            // A prefix route is documented under concrete templates; its first documented method stands for the rest.
            String path = !route.prefix()
                    ? route.template()
                    : route.access() == Access.TRIGGER
                            ? "/fn/{name}"
                            : route.template().replace("/*", "/{path}");
            String method = route.method().equals(Route.ANY_METHOD)
                    ? DOCUMENT.get("paths").get(path).fieldNames().next()
                    : route.method();
            JsonNode operation = check.operation(method, path);
            assertThat(operation.get("summary").asText()).isEqualTo(route.summary());
            String scope = route.access() == Access.OPEN
                    ? null
                    : route.access().required("/x", name -> false).wireName();
            assertThat(operation.path("x-fn4j-scope").textValue())
                    .as("%s %s", method, path)
                    .isEqualTo(scope);
            if (scope == null) {
                assertThat(operation.get("security")).as("%s %s", method, path).isEmpty();
            } else {
                assertThat(operation
                                .get("security")
                                .get(0)
                                .get("bearerAuth")
                                .get(0)
                                .asText())
                        .isEqualTo(scope);
            }
            assertThat(operation.get("responses").has("500")).isTrue();
        }
    }

    @Test
    void aTriggerTakesAKeyOrNoneWhenItsFunctionIsPublic() {
        JsonNode trigger = new SchemaCheck(DOCUMENT).operation("delete", "/fn/{name}/{path}");
        assertThat(trigger.get("security").toString()).isEqualTo("[{\"bearerAuth\":[\"invoke\"]},{}]");
        assertThat(trigger.get("x-fn4j-public-when").asText()).contains("\"public\": true");
        assertThat(trigger.get("operationId").asText()).isEqualTo("triggerDeleteBelow");
    }

    @Test
    void theErrorCodesAreTheErrorCatalogue() {
        List<String> codes = new ArrayList<>();
        DOCUMENT.at("/components/schemas/Error/properties/error/properties/code/enum")
                .forEach(code -> codes.add(code.asText()));
        assertThat(codes)
                .containsExactlyElementsOf(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(DOCUMENT.at("/components/responses/Error" + code.status() + "/description")
                            .asText())
                    .contains(code.code());
        }
        assertThat(DOCUMENT.at("/components/responses/Error429/headers/Retry-After/$ref")
                        .asText())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(DOCUMENT.at("/components/responses/Error401/headers").has("WWW-Authenticate"))
                .isTrue();
    }

    @Test
    void theSettingsSchemaHasEveryFieldOfTheSpec() {
        JsonNode properties = DOCUMENT.at("/components/schemas/FunctionSettings/properties");
        assertThat(properties.size()).isEqualTo(Field.ALL.size());
        for (Field<?> field : Field.ALL) {
            assertThat(properties.get(field.name()).get("description").asText()).isEqualTo(field.mustBe());
        }
        assertThat(properties.at("/timeout/default").asText()).isEqualTo("30s");
        assertThat(properties.at("/concurrency/maximum").asLong()).isEqualTo(Field.CONCURRENCY.max());
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheDocumentedHeadersAreDefined() {
        JsonNode headers = DOCUMENT.at("/components/headers");
        for (String header : List.of("Fn-Request-Id", "Fn-Cold-Start", "Retry-After", "Location", "WWW-Authenticate")) {
            assertThat(headers.has(header)).as(header).isTrue();
        }
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        DOCUMENT.get("paths")
                .forEach(item -> item.forEach(operation -> operation
                        .get("responses")
                        .forEach(response -> assertThat(
                                        check.resolve(response).path("headers").has("Fn-Request-Id"))
                                .as("%s", response)
                                .isTrue())));
    }

    @Test
    void everyExampleMatchesItsSchema() {
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        List<Map.Entry<String, JsonNode[]>> examples = check.examples();
        assertThat(examples).hasSizeGreaterThan(5);
        for (Map.Entry<String, JsonNode[]> example : examples) {
            assertThat(check.problems(example.getValue()[0], example.getValue()[1]))
                    .as("the example at %s", example.getKey())
                    .isEmpty();
        }
    }

    @Test
    void theSchemasRefuseWhatTheApiRefuses() {
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        JsonNode spec = DOCUMENT.at("/components/schemas/FunctionSpec");
        assertThat(check.problems(spec, SchemaCheck.parse("{\"image\":\"x\",\"concurrency\":0}".getBytes())))
                .isNotEmpty();
        assertThat(check.problems(spec, SchemaCheck.parse("{\"image\":\"x\",\"colour\":\"red\"}".getBytes())))
                .isNotEmpty();
        assertThat(check.problems(
                        DOCUMENT.at("/components/schemas/Error"),
                        SchemaCheck.parse("{\"error\":{\"code\":\"no_such_code\",\"message\":\"m\"}}".getBytes())))
                .isNotEmpty();
    }
}
