package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.auth.Scope;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(RouteTableTest.routes(), exchange -> {});

    /** The scope a request needs, as the gate decides it; null when it needs no key. */
    private Scope required(String method, String path) {
        Router.Match match = router.match(HttpString.tryFromString(method), path);
        return match.route().access().required(match.relativePath(), name -> name.equals("open"));
    }

    private Route route(String method, String path) {
        return router.match(HttpString.tryFromString(method), path).route();
    }

    @Test
    void healthAndMetricsAreOpen() {
        assertThat(required("GET", "/healthz")).isNull();
        assertThat(required("GET", "/metrics")).isNull();
    }

    @Test
    void callingFunctionsNeedsInvoke() {
        assertThat(required("POST", "/v1/functions/hello/invocations")).isEqualTo(Scope.INVOKE);
        assertThat(required("GET", "/v1/invocations/abc")).isEqualTo(Scope.INVOKE);
        assertThat(required("GET", "/v1/invocations/abc/events")).isEqualTo(Scope.INVOKE);
        assertThat(required("DELETE", "/fn/hello/x")).isEqualTo(Scope.INVOKE);
        assertThat(required("GET", "/v1/functions/hello/invocations")).isEqualTo(Scope.INVOKE);
    }

    @Test
    void publicFunctionsTriggerNeedsNoKey() {
        assertThat(required("GET", "/fn/open")).isNull();
        assertThat(required("POST", "/fn/open/a/b")).isNull();
        assertThat(required("POST", "/v1/functions/open/invocations")).isEqualTo(Scope.INVOKE);
        assertThat(required("GET", "/fn")).isEqualTo(Scope.INVOKE);
        assertThat(required("GET", "/fn/")).isEqualTo(Scope.INVOKE);
    }

    @Test
    void everythingElseNeedsAdmin() {
        assertThat(required("PUT", "/v1/functions/hello")).isEqualTo(Scope.ADMIN);
        assertThat(required("GET", "/v1/functions")).isEqualTo(Scope.ADMIN);
        assertThat(required("POST", "/v1/images")).isEqualTo(Scope.ADMIN);
        assertThat(required("POST", "/v1/images/reusable-layers")).isEqualTo(Scope.ADMIN);
        assertThat(required("POST", "/v1/keys")).isEqualTo(Scope.ADMIN);
        assertThat(required("DELETE", "/v1/functions/hello/invocations")).isEqualTo(Scope.ADMIN);
        assertThat(required("POST", "/v1/functions/a/b/invocations")).isEqualTo(Scope.ADMIN);
        assertThat(required("GET", "/v1/keys")).isEqualTo(Scope.ADMIN);
        assertThat(required("GET", "/fnx/hello")).isEqualTo(Scope.ADMIN);
        assertThat(required("GET", "/v2/unknown")).isEqualTo(Scope.ADMIN);
    }

    @Test
    void anEmptyPathParameterMatchesItsRouteWhichThenRefusesTheName() {
        // The route decides the scope; its handler answers 400 invalid_name for the empty name.
        assertThat(required("POST", "/v1/functions//invocations")).isEqualTo(Scope.INVOKE);
        assertThat(route("POST", "/v1/functions//invocations").template())
                .isEqualTo("/v1/functions/{name}/invocations");
    }

    @Test
    void aWrongMethodIsOpenOnlyWhereEveryRouteOfThePathIs() {
        assertThat(required("PUT", "/healthz")).isNull();
        assertThat(required("PATCH", "/v1/functions")).isEqualTo(Scope.ADMIN);
    }

    @Test
    void templatesMatchWithTheirParametersAndPrefixesLeaveTheRestRelative() {
        Router.Match invoke = router.match(HttpString.tryFromString("POST"), "/v1/functions/hello/invocations");
        assertThat(invoke.route().template()).isEqualTo("/v1/functions/{name}/invocations");
        assertThat(invoke.template().getParameters()).containsEntry("name", "hello");
        assertThat(invoke.relativePath()).isEqualTo("/v1/functions/hello/invocations");

        Router.Match trigger = router.match(HttpString.tryFromString("PATCH"), "/fn/hello/a/b");
        assertThat(trigger.route().template()).isEqualTo("/fn/*");
        assertThat(trigger.matchedPrefix()).isEqualTo("/fn");
        assertThat(trigger.relativePath()).isEqualTo("/hello/a/b");
        assertThat(route("GET", "/fn").template()).isEqualTo("/fn/*");
    }

    @Test
    void unknownPathsAndMethodsGetRoutesAnswering404And405() {
        assertThat(route("GET", "/v2/whatever").summary()).contains("404");
        assertThat(route("GET", "/fnx/hello").summary()).contains("404");
        assertThat(route("DELETE", "/v1/functions/greeter/invocations").summary())
                .contains("405");
        assertThat(route("GET", "/v1/functions/a/b/c").summary()).contains("404");
    }
}
