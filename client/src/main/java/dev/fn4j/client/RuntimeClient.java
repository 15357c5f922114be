package dev.fn4j.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private final URI baseUri;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ResponseReader reader = new ResponseReader();

    private RuntimeClient(Builder builder) {
        this.baseUri = withTrailingSlash(builder.baseUri);
        this.apiKey = builder.apiKey;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        return baseUri;
    }

    /** The absolute URL of a function's HTTP trigger, {@code <base>/fn/<name>}. */
    public URI functionUrl(String name) {
        return resolve("fn/" + PathSegment.encode(name));
    }

    /** {@code GET /healthz}: whether the runtime and its engine are up. */
    public RuntimeHealth health() throws RuntimeClientException {
        HttpResponse<byte[]> response = send(request("healthz").GET());
        if (response.statusCode() == 503) {
            return reader.json(response, RuntimeHealth.class);
        }
        return reader.json(reader.ok(response), RuntimeHealth.class);
    }

    /**
     * {@code POST /v1/images}: uploads an image archive (docker-archive or OCI layout tar),
     * streaming it from the file.
     */
    public ImageUpload uploadImage(Path archive) throws RuntimeClientException {
        BodyPublisher body;
        try {
            body = BodyPublishers.ofFile(archive);
        } catch (FileNotFoundException e) {
            throw new RuntimeClientException("No image archive at " + archive, e);
        }
        HttpRequest.Builder request = request("v1/images")
                .header("Content-Type", "application/x-tar")
                .POST(body);
        return reader.json(reader.ok(send(request)), ImageUpload.class);
    }

    /** {@code PUT /v1/functions/{name}}: creates the function or deploys a new revision of it. */
    public FunctionDeployment putFunction(String name, FunctionSpec spec)
            throws RuntimeClientException {
        Objects.requireNonNull(spec, "spec");
        HttpRequest.Builder request = request(functionPath(name))
                .header("Content-Type", JSON)
                .PUT(BodyPublishers.ofByteArray(reader.toJson(spec)));
        HttpResponse<byte[]> response = reader.ok(send(request));
        return new FunctionDeployment(reader.json(response, FunctionDescription.class),
                response.statusCode() == 201);
    }

    /** {@code GET /v1/functions/{name}}: describes a function. */
    public FunctionDescription getFunction(String name) throws RuntimeClientException {
        return reader.json(reader.ok(send(request(functionPath(name)).GET())),
                FunctionDescription.class);
    }

    /** {@code GET /v1/functions}: describes every deployed function. */
    public List<FunctionDescription> listFunctions() throws RuntimeClientException {
        Map<String, List<FunctionDescription>> list = reader.json(
                reader.ok(send(request("v1/functions").GET())),
                new TypeReference<Map<String, List<FunctionDescription>>>() {});
        List<FunctionDescription> functions = list.get("functions");
        return functions == null ? List.of() : List.copyOf(functions);
    }

    /** {@code DELETE /v1/functions/{name}}: removes a function and its containers. */
    public void deleteFunction(String name) throws RuntimeClientException {
        reader.ok(send(request(functionPath(name)).DELETE()));
    }

    /**
     * {@code POST /v1/functions/{name}/invocations}: calls the function and waits for its answer.
     *
     * @param name the function's name
     * @param body the input; empty for none
     * @param contentType the input's media type, or null to send none
     */
    public InvocationResponse invoke(String name, byte[] body, String contentType)
            throws RuntimeClientException {
        HttpRequest.Builder request = request(functionPath(name) + "/invocations")
                .POST(BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = reader.ok(send(request));
        return new InvocationResponse(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue(ResponseReader.REQUEST_ID).orElse(null),
                response.headers().firstValue("Fn-Cold-Start")
                        .map(Boolean::parseBoolean).orElse(false));
    }

    private static String functionPath(String name) {
        return "v1/functions/" + PathSegment.encode(name);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(requestTimeout)
                .header("Accept", JSON + ", */*");
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private URI resolve(String path) {
        return baseUri.resolve(path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws RuntimeClientException {
        HttpRequest request = builder.build();
        try {
            return http.send(request, BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeClientException("Interrupted while calling " + request.uri(), e);
        } catch (IOException e) {
            throw Failures.translate(displayUri(), e, requestTimeout);
        }
    }

    /** The base URI as users wrote it, for messages: without the trailing slash. */
    private URI displayUri() {
        String base = baseUri.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    private static URI withTrailingSlash(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the runtime URL must start with http:// or https://: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the runtime URL has no host: " + uri);
        }
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
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
