package dev.fn4j.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.source.Build;
import dev.fn4j.runtime.source.SourceBuilds;
import dev.fn4j.runtime.source.UploadSettings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * {@code POST /v1/functions/{name}/source}: builds an uploaded zip or jar on the runtime and
 * deploys it, answering as {@code PUT /v1/functions/{name}} does, or at once with a build id;
 * {@code GET /v1/builds/{id}} and its {@code /events} show a build and its steps.
 */
final class SourceApi {

    static final HttpString BUILD_ID = HttpString.tryFromString("Fn-Build-Id");
    private static final HttpString PREFER = HttpString.tryFromString("Prefer");

    /** The raw body types taken as an archive; a body without a type is taken too. */
    private static final Set<String> ARCHIVE_TYPES = Set.of(
            "application/zip",
            "application/java-archive",
            "application/x-java-archive",
            "application/x-zip-compressed",
            "application/octet-stream");

    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final SourceBuilds builds;
    private final FunctionsApi functions;
    /** Runs new event streams' first replay off the IO thread. */
    private final Executor streams;

    SourceApi(SourceBuilds builds, FunctionsApi functions, Executor streams) {
        this.builds = builds;
        this.functions = functions;
        this.streams = streams;
    }

    void upload(HttpServerExchange exchange) throws Exception {
        String name = FunctionsApi.pathName(exchange);
        String type = mediaType(exchange);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        // Undertow adds the path's {name} to the query parameters; it is not a setting.
        Set<String> path = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .keySet();
        exchange.getQueryParameters().forEach((key, values) -> {
            if (!path.contains(key)) {
                parameters.put(key, new ArrayList<>(values));
            }
        });
        Build build;
        if (type.equals("multipart/form-data")) {
            ObjectNode settings;
            try (MultipartUpload form =
                    MultipartUpload.parse(exchange, builds.limits().maxUploadBytes())) {
                form.fields().forEach(parameters::putIfAbsent);
                settings = UploadSettings.fromParameters(parameters);
                build = builds.receive(name, form::moveTo);
            }
            start(exchange, build, settings);
            return;
        }
        if (!type.isEmpty() && !ARCHIVE_TYPES.contains(type)) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Content-Type " + type + " is not an archive; send the zip or jar as application/zip,"
                            + " application/java-archive or application/octet-stream, or as the 'file' part of"
                            + " multipart/form-data");
        }
        ObjectNode settings = UploadSettings.fromParameters(parameters);
        build = builds.receive(
                name, file -> Bodies.save(exchange, file, builds.limits().maxUploadBytes()));
        start(exchange, build, settings);
    }

    private void start(HttpServerExchange exchange, Build build, ObjectNode settings) {
        exchange.getResponseHeaders().put(BUILD_ID, build.id());
        if (Prefer.respondAsync(exchange.getRequestHeaders().get(PREFER))) {
            builds.runLater(build, settings);
            exchange.getResponseHeaders().put(Headers.LOCATION, "/v1/builds/" + build.id());
            Json.send(exchange, 202, build.view());
            return;
        }
        builds.run(build, settings);
        if (build.error() != null) {
            throw build.error();
        }
        FunctionRegistry.Deployed deployed = build.deployed();
        Map<String, Object> body = functions.detailedView(deployed.function());
        body.put("build", build.view());
        Json.send(exchange, deployed.created() ? 201 : 200, body);
    }

    /** {@code GET /v1/builds/{id}}: the build, and once deployed the function as it is now. */
    void get(HttpServerExchange exchange) {
        Build build = find(exchange);
        Map<String, Object> body = build.view();
        if (build.deployed() != null) {
            body.put("deployed", functions.detailedView(build.deployed().function()));
        }
        Json.send(exchange, 200, body);
    }

    /** {@code GET /v1/builds/{id}/events}: every step so far and then each new one, as SSE. */
    HttpHandler events() {
        return new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                try {
                    Build build = find(exchange);
                    new ServerSentEventHandler(
                                    (connection, ignored) -> streams.execute(() -> follow(connection, build)))
                            .handleRequest(exchange);
                } catch (Throwable failure) {
                    ErrorResponses.send(exchange, failure, true);
                }
            }
        };
    }

    private static void follow(ServerSentEventConnection connection, Build build) {
        connection.setKeepAliveTime(KEEP_ALIVE_MILLIS);
        EventSender sender = new EventSender(connection);
        Build.Listener listener = event -> {
            sender.send(EventSender.json(event.data()), event.name(), null);
            if (!event.name().equals("step") && !event.name().equals("output")) {
                connection.shutdown(); // after what is queued is written
            }
        };
        connection.addCloseTask(closed -> build.unfollow(listener));
        build.follow(listener);
    }

    private Build find(HttpServerExchange exchange) {
        String id = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id");
        return builds.find(id)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.BUILD_NOT_FOUND,
                        "no build " + dev.fn4j.runtime.error.Messages.quote(id)
                                + "; builds are kept in memory, the newest 100, until the runtime restarts"));
    }

    private static String mediaType(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
