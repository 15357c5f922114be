package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.auth.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    /** The API's routes; their handlers' collaborators are absent, since none runs here. */
    static List<Route> routes() {
        List<Route> routes = new java.util.ArrayList<>(RouteTable.routes(
                new FunctionsApi(null, null, null),
                new ImagesApi(null, 1),
                new InvocationsApi(null, 1),
                new InvocationHistoryApi(null, null, null, null),
                new KeysApi(null),
                new HealthApi(null, "test", () -> false),
                new MetricsApi(() -> ""),
                new DeadLettersApi(null, null)));
        routes.addAll(RouteTable.addonRoutes(new CallbacksApi(null, null)));
        routes.addAll(RouteTable.documentRoutes(new OpenApiApi(List::of)));
        routes.addAll(RouteTable.statsRoutes(new StatsApi(null, null, null, null)));
        routes.addAll(RouteTable.uiRoutes(new UiApi(UiAssets.bundled())));
        routes.addAll(RouteTable.sourceRoutes(new SourceApi(null, null, null)));
        return routes;
    }

    @Test
    void everyRouteDecidesWhoMayCallIt() {
        for (Route route : routes()) {
            assertThat(route.access()).as(route.template()).isNotNull();
            Scope required = route.access().required("/any", name -> false);
            assertThat(required == null)
                    .as("%s %s", route.method(), route.template())
                    .isEqualTo(route.access() == Access.OPEN);
            assertThat(route.summary()).as(route.template()).isNotBlank();
        }
    }

    @Test
    void noTwoRoutesTakeTheSameMethodAndTemplate() {
        Set<String> seen = new HashSet<>();
        for (Route route : routes()) {
            assertThat(seen.add(route.method() + " " + route.template()))
                    .as("%s %s is in the table twice", route.method(), route.template())
                    .isTrue();
        }
    }

    @Test
    void onlyHealthReadinessMetricsTheApiDescriptionAndTheDashboardPagesAreOpen() {
        assertThat(routes().stream()
                        .filter(route -> route.access() == Access.OPEN)
                        .map(Route::template))
                .containsExactlyInAnyOrder("/healthz", "/readyz", "/metrics", "/v1/openapi.json", "/ui/*");
    }

    @Test
    void theRouterRefusesATableWithTheSameMethodAndTemplateTwice() {
        Route first = Route.blocking("GET", "/v1/keys/{id}", Access.ADMIN, exchange -> {}, "a");
        Route second = Route.blocking("GET", "/v1/keys/{id}", Access.INVOKE, exchange -> {}, "b");
        assertThatThrownBy(() -> new Router(List.of(first, second), exchange -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two routes take GET /v1/keys/{id}");
    }
}
