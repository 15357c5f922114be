package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPortTest {

    private final List<Route> all = RouteTableTest.routes();
    private final Router main = new Router(all, exchange -> {});
    private final Router control = new Router(ControlPort.routes(all), exchange -> {});

    private Route onMain(String method, String path) {
        return main.match(HttpString.tryFromString(method), path).route();
    }

    private Route onControl(String method, String path) {
        return control.match(HttpString.tryFromString(method), path).route();
    }

    @Test
    void servesHealthMetricsAdminAndDashboardAsTheMainPortDoes() {
        for (String[] request : new String[][] {
            {"GET", "/healthz"},
            {"GET", "/readyz"},
            {"GET", "/metrics"},
            {"GET", "/v1/functions"},
            {"PUT", "/v1/functions/hello"},
            {"POST", "/v1/keys"},
        }) {
            assertThat(onControl(request[0], request[1]))
                    .as(request[0] + " " + request[1])
                    .isSameAs(onMain(request[0], request[1]));
        }
    }

    @Test
    void takesEveryRouteTheMainPortTakesWithTheSameAccess() {
        assertThat(ControlPort.routes(all)).hasSameSizeAs(all);
        for (int i = 0; i < all.size(); i++) {
            Route route = all.get(i);
            Route there = ControlPort.routes(all).get(i);
            assertThat(there.method()).isEqualTo(route.method());
            assertThat(there.template()).isEqualTo(route.template());
            assertThat(there.access()).isEqualTo(route.access());
        }
    }

    @Test
    void answersFunctionCallsWithNotFoundNamingTheMainPort() throws Exception {
        Route trigger = onControl("POST", "/fn/hello/a");
        assertThat(trigger).isNotSameAs(onMain("POST", "/fn/hello/a"));
        assertThat(trigger.blocking()).isFalse();
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setRequestMethod(Methods.POST);
        exchange.setRequestPath("/fn/hello/a");
        assertThatThrownBy(() -> trigger.handler().handleRequest(exchange))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("POST /fn/hello/a is served on the runtime's main port, not on its control port"
                        + " (--control-port), which serves only health checks, metrics and the admin API; send it"
                        + " to the main port (--port)");
        assertThat(onControl("POST", "/v1/functions/hello/invocations").blocking())
                .isFalse();
        assertThat(onControl("GET", "/v1/invocations/abc").controlPlane()).isFalse();
        assertThat(onControl("GET", "/ui/")).isNotSameAs(onMain("GET", "/ui/"));
    }
}
