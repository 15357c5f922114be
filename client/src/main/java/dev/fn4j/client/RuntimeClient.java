package dev.fn4j.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A client of the fn4j runtime's REST API (docs/api.md). Thread-safe; one instance can serve
 * many calls.
 *
 * <pre>{@code
 * RuntimeClient client = RuntimeClient.builder(URI.create("http://localhost:8080")).build();
 * ImageUpload image = client.uploadImage(Path.of("target/fn/image.tar"));
 * client.putFunction("hello", FunctionSpec.of(image.id()));
 * InvocationResponse answer = client.invoke("hello", "{\"name\":\"Ada\"}".getBytes(), "application/json");
 * }</pre>
 *
 * <p>Every method throws {@link RuntimeApiException} when the runtime answers outside 2xx and
 * {@link RuntimeUnreachableException} when no answer comes.
 */
public final class RuntimeClient {

    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final Pattern DIFF_ID = Pattern.compile("sha256:[0-9a-f]{64}");
    /** The most invocations {@code GET /v1/functions/{name}/invocations} returns. */
    public static final int MAX_INVOCATIONS = 100;

    final Transport transport;
    final ResponseReader reader = new ResponseReader();

    private RuntimeClient(Builder builder) {
        this.transport = new Transport(builder.baseUri, builder.apiKey, builder.connectTimeout, builder.requestTimeout);
    }

    /**
     * Starts a client for the runtime at {@code baseUri}, for example
     * {@code http://localhost:8080}; a path such as {@code http://host/fn4j/} is kept as prefix.
     */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** The runtime's base URI, ending with {@code /}. */
    public URI baseUri() {
        return transport.baseUri();
    }

    /** The absolute URL of a function's HTTP trigger, {@code <base>/fn/<name>}. */
    public URI functionUrl(String name) {
        return transport.resolve("fn/" + PathSegment.encode(name));
    }

    /** {@code GET /healthz}: whether the runtime and its engine are up. */
    public RuntimeHealth health() throws RuntimeClientException {
        HttpResponse<byte[]> response =
                transport.send(transport.request("healthz").GET());
        if (response.statusCode() == 503) {
            return reader.json(response, RuntimeHealth.class);
        }
        return reader.json(reader.ok(response), RuntimeHealth.class);
    }

    /**
     * {@code POST /v1/images}: uploads an image archive (docker-archive or OCI layout tar),
     * streaming it from the file. A docker-archive may leave out the files of the leading layers
     * that {@link #reusableLayers} counted; a runtime whose engine has lost one of them since
     * answers {@code 409 layers_missing}.
     */
    public ImageUpload uploadImage(Path archive) throws RuntimeClientException {
        BodyPublisher body;
        try {
            body = BodyPublishers.ofFile(archive);
        } catch (FileNotFoundException e) {
            throw new RuntimeClientException("No image archive at " + archive, e);
        }
        HttpRequest.Builder request = transport
                .request("v1/images")
                .header("Content-Type", "application/x-tar")
                .POST(body);
        return reader.json(reader.ok(transport.send(request)), ImageUpload.class);
    }

    /**
     * {@code POST /v1/images/reusable-layers}: how many leading layers of an image the runtime's
     * engine already has as exactly that chain, so that {@link #uploadImage} may be given an
     * archive without their files. A runtime that does not know the call ({@code 404 not_found})
     * has none.
     *
     * @param diffIds the image config's {@code rootfs.diff_ids}, in order, each
     *     {@code sha256:<64 hex>}
     * @return 0 to {@code diffIds.size()}
     */
    public int reusableLayers(List<String> diffIds) throws RuntimeClientException {
        Objects.requireNonNull(diffIds, "diffIds");
        for (String diffId : diffIds) {
            if (diffId == null || !DIFF_ID.matcher(diffId).matches()) {
                throw new IllegalArgumentException("a diff id must be sha256:<64 hex>: " + diffId);
            }
        }
        HttpRequest.Builder request = transport
                .request("v1/images/reusable-layers")
                .header("Content-Type", JSON)
                .POST(BodyPublishers.ofByteArray(reader.toJson(Map.of("diffIds", diffIds))));
        HttpResponse<byte[]> response;
        try {
            response = reader.ok(transport.send(request));
        } catch (RuntimeApiException e) {
            if (e.status() == 404 && e.code().equals("not_found")) {
                return 0;
            }
            throw e;
        }
        JsonNode reusable = reader.json(response, JsonNode.class).get("reusable");
        if (reusable == null || !reusable.isInt() || reusable.asInt() < 0 || reusable.asInt() > diffIds.size()) {
            throw new RuntimeClientException("The fn4j runtime at " + transport.displayUri() + " answered "
                    + new String(response.body(), StandardCharsets.UTF_8).strip()
                    + " to POST /v1/images/reusable-layers instead of {\"reusable\": <0 to "
                    + diffIds.size() + ">}.");
        }
        return reusable.asInt();
    }

    /** {@code PUT /v1/functions/{name}}: creates the function or deploys a new revision of it. */
    public FunctionDeployment putFunction(String name, FunctionSpec spec) throws RuntimeClientException {
        Objects.requireNonNull(spec, "spec");
        HttpRequest.Builder request = transport
                .request(PathSegment.functionPath(name))
                .header("Content-Type", JSON)
                .PUT(BodyPublishers.ofByteArray(reader.toJson(spec)));
        HttpResponse<byte[]> response = reader.ok(transport.send(request));
        return new FunctionDeployment(reader.json(response, FunctionDescription.class), response.statusCode() == 201);
    }

    /** {@code GET /v1/functions/{name}}: describes a function. */
    public FunctionDescription getFunction(String name) throws RuntimeClientException {
        return reader.json(
                reader.ok(transport.send(
                        transport.request(PathSegment.functionPath(name)).GET())),
                FunctionDescription.class);
    }

    /** {@code GET /v1/functions}: describes every deployed function. */
    public List<FunctionDescription> listFunctions() throws RuntimeClientException {
        Map<String, List<FunctionDescription>> list = reader.json(
                reader.ok(transport.send(transport.request("v1/functions").GET())),
                new TypeReference<Map<String, List<FunctionDescription>>>() {});
        List<FunctionDescription> functions = list.get("functions");
        return functions == null ? List.of() : List.copyOf(functions);
    }

    /** {@code DELETE /v1/functions/{name}}: removes a function and its containers. */
    public void deleteFunction(String name) throws RuntimeClientException {
        reader.ok(
                transport.send(transport.request(PathSegment.functionPath(name)).DELETE()));
    }

    /**
     * {@code POST /v1/keys}: makes an API key. The answer is the only one that holds the key
     * itself; the runtime keeps only its hash.
     *
     * @param name what the key is for, for example {@code ci}: {@link ApiKeyFormat#NAME_RULE}
     * @param scope {@link ApiKeyFormat#INVOKE} or {@link ApiKeyFormat#ADMIN}
     * @param expiresIn how long the key works, {@link ApiKeyFormat#EXPIRES_IN_FORMAT} (1m to
     *     3650d); null for a key that never expires
     * @throws IllegalArgumentException when an argument breaks its {@link ApiKeyFormat} rule,
     *     naming the argument and its value
     */
    public CreatedApiKey createKey(String name, String scope, String expiresIn) throws RuntimeClientException {
        ApiKeyFormat.checkArgument("name", name, ApiKeyFormat::checkName);
        ApiKeyFormat.checkArgument("scope", scope, ApiKeyFormat::checkScope);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scope", scope);
        if (expiresIn != null) {
            ApiKeyFormat.checkArgument("expiresIn", expiresIn, ApiKeyFormat::parseExpiresIn);
            body.put("expiresIn", expiresIn);
        }
        HttpRequest.Builder request = transport
                .request("v1/keys")
                .header("Content-Type", JSON)
                .POST(BodyPublishers.ofByteArray(reader.toJson(body)));
        return reader.createdKey(reader.ok(transport.send(request)));
    }

    /** {@code GET /v1/keys}: describes every API key, without their secrets. */
    public List<ApiKeyDescription> listKeys() throws RuntimeClientException {
        Map<String, List<ApiKeyDescription>> list = reader.json(
                reader.ok(transport.send(transport.request("v1/keys").GET())),
                new TypeReference<Map<String, List<ApiKeyDescription>>>() {});
        List<ApiKeyDescription> keys = list.get("keys");
        return keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * {@code DELETE /v1/keys/{id}}: revokes an API key at once. The runtime refuses to revoke its
     * only admin key ({@code 409 last_admin_key}).
     *
     * @param id the key's id, {@link ApiKeyFormat#ID_RULE}
     * @throws IllegalArgumentException when the id is not {@link ApiKeyFormat#ID_RULE}, naming it
     */
    public void deleteKey(String id) throws RuntimeClientException {
        if (!ApiKeyFormat.isValidId(id)) {
            throw new IllegalArgumentException("id is " + ApiKeyFormat.shown(id) + ": use " + ApiKeyFormat.ID_RULE
                    + ", as GET /v1/keys lists them");
        }
        reader.ok(transport.send(transport.request("v1/keys/" + id).DELETE()));
    }

    /**
     * {@code POST /v1/functions/{name}/invocations}: calls the function and waits for its answer.
     *
     * @param name the function's name
     * @param body the input; empty for none
     * @param contentType the input's media type, or null to send none
     */
    public InvocationResponse invoke(String name, byte[] body, String contentType) throws RuntimeClientException {
        HttpRequest.Builder request = transport
                .request(PathSegment.functionPath(name) + "/invocations")
                .POST(BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = reader.ok(transport.send(request));
        return new InvocationResponse(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue(ResponseReader.REQUEST_ID).orElse(null),
                response.headers()
                        .firstValue("Fn-Cold-Start")
                        .map(Boolean::parseBoolean)
                        .orElse(false));
    }

    /**
     * {@code POST /v1/functions/{name}/invocations} with {@code Prefer: respond-async}: hands the
     * call to the runtime's queue and returns at once with the invocation's id.
     *
     * @param name the function's name
     * @param body the input; empty for none
     * @param contentType the input's media type, or null to send none
     * @throws RuntimeClientException also when the runtime answered 2xx but not {@code 202}, as a
     *     runtime that cannot run calls asynchronously does
     */
    public AcceptedInvocation submitAsync(String name, byte[] body, String contentType) throws RuntimeClientException {
        HttpRequest.Builder request = transport
                .request(PathSegment.functionPath(name) + "/invocations")
                .header("Prefer", "respond-async")
                .POST(BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = reader.ok(transport.send(request));
        if (response.statusCode() != 202) {
            throw new RuntimeClientException("The fn4j runtime at " + transport.displayUri() + " answered the"
                    + " asynchronous call of '" + name + "' with HTTP " + response.statusCode()
                    + " instead of 202 Accepted: it does not run calls asynchronously"
                    + " (Prefer: respond-async).");
        }
        Map<String, Object> json = reader.json(response, new TypeReference<Map<String, Object>>() {});
        String location =
                response.headers().firstValue("Location").orElse(json.get("location") instanceof String l ? l : null);
        String id = json.get("id") instanceof String i ? i : PathSegment.lastSegment(location);
        if (id == null || id.isEmpty()) {
            throw new RuntimeClientException("The fn4j runtime at " + transport.displayUri() + " accepted the"
                    + " asynchronous call of '" + name + "' but gave no invocation id (neither an"
                    + " \"id\" nor a Location).");
        }
        return new AcceptedInvocation(
                id,
                json.get("status") instanceof String st ? st : Invocation.QUEUED,
                location,
                response.headers().firstValue(ResponseReader.REQUEST_ID).orElse(null));
    }

    /** {@code GET /v1/invocations/{id}}: an invocation's status, timing, result and logs. */
    public Invocation getInvocation(String id) throws RuntimeClientException {
        return reader.invocation(reader.ok(
                transport.send(transport.request(PathSegment.invocationPath(id)).GET())));
    }

    /**
     * {@code GET /v1/functions/{name}/invocations?limit=N}: the function's last invocations,
     * newest first.
     *
     * @param limit how many, 1 to {@link #MAX_INVOCATIONS}
     */
    public List<Invocation> listInvocations(String name, int limit) throws RuntimeClientException {
        if (limit < 1 || limit > MAX_INVOCATIONS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_INVOCATIONS + ": " + limit);
        }
        return reader.invocations(reader.ok(transport.send(transport
                .request(PathSegment.functionPath(name) + "/invocations?limit=" + limit)
                .GET())));
    }

    /**
     * {@code GET /v1/invocations/{id}/events}: follows an invocation's state changes as
     * Server-Sent Events, handing each to {@code listener} on the calling thread, until its final
     * state, the end of the stream, or {@code maxWait}, whichever comes first.
     *
     * @param id the invocation's id
     * @param maxWait how long to follow at most; the stream is closed then
     * @param listener receives each event, in order
     * @return the invocation as the last event showed it, or null when no event came; it is
     *     {@linkplain Invocation#isFinal() final} unless the stream ended early or time ran out
     * @throws RuntimeApiException when the runtime answered with an error instead of a stream
     * @throws RuntimeUnreachableException when the runtime could not be reached
     * @throws RuntimeClientException when the stream broke, or an event could not be read
     */
    public Invocation streamEvents(String id, Duration maxWait, Consumer<InvocationEvent> listener)
            throws RuntimeClientException {
        return streamEvents(id, maxWait, listener, line -> {});
    }

    /**
     * Like {@link #streamEvents(String, Duration, Consumer)}, also handing each line the invocation
     * writes while it runs to {@code lines} as it comes, on the calling thread, in order.
     */
    public Invocation streamEvents(
            String id, Duration maxWait, Consumer<InvocationEvent> listener, Consumer<LogLine> lines)
            throws RuntimeClientException {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(lines, "lines");
        HttpRequest request = transport
                .request(PathSegment.invocationPath(id) + "/events")
                .setHeader("Accept", EVENT_STREAM)
                .timeout(maxWait.plus(transport.requestTimeout()))
                .GET()
                .build();
        return new EventFollower(transport.http(), reader, transport.displayUri(), transport.requestTimeout())
                .follow(request, maxWait, listener, lines);
    }

    /** Configures a {@link RuntimeClient}. */
    public static final class Builder {
        private final URI baseUri;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(20);

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** Sends {@code Authorization: Bearer <apiKey>} with every call; null sends none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            return this;
        }

        /** How long to wait for a connection; 10 seconds unless set. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long to wait for a whole answer, upload or invocation included; 20 minutes unless
         * set (a function may run for 15).
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException when the base URI is not an absolute http(s) URI
         */
        public RuntimeClient build() {
            return new RuntimeClient(this);
        }
    }
}
