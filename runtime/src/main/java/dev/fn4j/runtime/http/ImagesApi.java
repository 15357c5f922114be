package dev.fn4j.runtime.http;

import dev.fn4j.runtime.deploy.Images;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/images}: loads an uploaded image archive into the engine; and
 * {@code POST /v1/images/reusable-layers}: which layers such an archive may leave out.
 */
final class ImagesApi {

    private final Images images;
    private final long maxImageBytes;

    ImagesApi(Images images, long maxImageBytes) {
        if (maxImageBytes <= 0) {
            throw new IllegalArgumentException("maxImageBytes must be positive: " + maxImageBytes);
        }
        this.images = images;
        this.maxImageBytes = maxImageBytes;
    }

    void upload(HttpServerExchange exchange) throws Exception {
        Images.Loaded image = images.load(file -> Bodies.save(exchange, file, maxImageBytes));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", image.id());
        body.put("tags", image.tags());
        body.put("handlers", image.handlers());
        Json.send(exchange, 201, body);
    }

    /** {@code {"diffIds": […]}} → 200 {@code {"reusable": n}}: leading layers the engine has. */
    void reusableLayers(HttpServerExchange exchange) throws Exception {
        List<String> diffIds =
                ReusableLayersRequest.diffIds(Json.parse(Bodies.read(exchange, ReusableLayersRequest.MAX_BODY_BYTES)));
        Json.send(exchange, 200, Map.of("reusable", images.reusableLayers(diffIds)));
    }
}
