package dev.fn4j.runtime.http;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LoadedImage;
import io.undertow.server.HttpServerExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/images}: stores an uploaded image archive on disk, then loads it into the
 * engine; and {@code POST /v1/images/reusable-layers}: which layers such an archive may leave out.
 */
final class ImagesApi {

    private final ContainerEngine engine;
    private final Path uploadDir;
    private final long maxImageBytes;

    ImagesApi(ContainerEngine engine, Path uploadDir, long maxImageBytes) {
        if (maxImageBytes <= 0) {
            throw new IllegalArgumentException("maxImageBytes must be positive: " + maxImageBytes);
        }
        this.engine = engine;
        this.uploadDir = uploadDir;
        this.maxImageBytes = maxImageBytes;
    }

    void upload(HttpServerExchange exchange) throws Exception {
        Files.createDirectories(uploadDir);
        Path file = Files.createTempFile(uploadDir, "upload-", ".tar");
        try {
            Bodies.save(exchange, file, maxImageBytes);
            LoadedImage image = engine.loadImage(file);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", image.id());
            body.put("tags", image.tags());
            body.put("handlers", image.handlers());
            Json.send(exchange, 201, body);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code {"diffIds": […]}} → 200 {@code {"reusable": n}}: leading layers the engine has. */
    void reusableLayers(HttpServerExchange exchange) throws Exception {
        List<String> diffIds = ReusableLayersRequest.diffIds(
                Json.parse(Bodies.read(exchange, ReusableLayersRequest.MAX_BODY_BYTES)));
        Json.send(exchange, 200, Map.of("reusable", engine.reusableLayers(diffIds)));
    }
}
