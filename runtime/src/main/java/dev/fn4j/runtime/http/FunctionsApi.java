package dev.fn4j.runtime.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.LiveInstances;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/functions}: create or update, describe, list and remove functions. */
final class FunctionsApi {

    /** A function's spec is small; anything bigger is a mistake or an attack. */
    private static final long MAX_SPEC_BYTES = 1024 * 1024;

    private final Deployer deployer;
    private final FunctionRegistry registry;
    private final LiveInstances instances;

    /** Adds the next scheduled runs to detailed views. */
    private final Addons addons;

    FunctionsApi(Deployer deployer, FunctionRegistry registry, LiveInstances instances) {
        this(deployer, registry, instances, Addons.NONE);
    }

    FunctionsApi(Deployer deployer, FunctionRegistry registry, LiveInstances instances, Addons addons) {
        this.addons = addons;
        this.deployer = deployer;
        this.registry = registry;
        this.instances = instances;
    }

    void put(HttpServerExchange exchange) throws Exception {
        String name = FunctionName.check(pathName(exchange));
        var body = Json.parse(Bodies.read(exchange, MAX_SPEC_BYTES));
        FunctionRegistry.Deployed deployed = deployer.deploy(name, body);
        Json.send(exchange, deployed.created() ? 201 : 200, detailedView(deployed.function()));
    }

    void get(HttpServerExchange exchange) {
        String name = FunctionName.check(pathName(exchange));
        Function function = registry.get(name).orElseThrow(() -> FunctionRegistry.notFound(name));
        Json.send(exchange, 200, detailedView(function));
    }

    void list(HttpServerExchange exchange) {
        List<FunctionView> views = registry.list().stream().map(this::view).toList();
        Json.send(exchange, 200, Map.of("functions", views));
    }

    void delete(HttpServerExchange exchange) {
        deployer.delete(FunctionName.check(pathName(exchange)));
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    private FunctionView view(Function function) {
        return FunctionView.of(function, instances.of(function.name()), instances.failure(function.name()));
    }

    /** With the revision history, newest first, and the next scheduled runs; reads the store. */
    Map<String, Object> detailedView(Function function) {
        FunctionView view = FunctionView.of(
                function,
                instances.of(function.name()),
                instances.failure(function.name()),
                registry.revisions(function.name()));
        Map<String, Object> json =
                Json.MAPPER.convertValue(view, new TypeReference<LinkedHashMap<String, Object>>() {});
        json.putAll(addons.ofFunction(function));
        return json;
    }

    static String pathName(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("name");
    }
}
