package dev.fn4j.runtime.deploy;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.FunctionSpecParser;
import dev.fn4j.runtime.pool.PoolRegistry;
import java.util.List;

/**
 * Creates, updates and removes functions: checks a spec against the image it names, records the
 * new revision, and points the function's pool at it. Blocks on the engine.
 */
public final class Deployer {

    private final FunctionRegistry registry;
    private final PoolRegistry pools;
    private final ContainerEngine engine;
    private final FunctionSpecParser parser;

    public Deployer(FunctionRegistry registry, PoolRegistry pools, ContainerEngine engine, FunctionSpecParser parser) {
        this.registry = registry;
        this.pools = pools;
        this.engine = engine;
        this.parser = parser;
    }

    public FunctionRegistry.Deployed deploy(String name, JsonNode body) {
        FunctionName.check(name);
        FunctionSpec spec = parser.parse(body);
        LoadedImage image = engine.findImage(spec.image());
        if (image == null) {
            throw new ApiException(
                    ErrorCode.IMAGE_NOT_FOUND,
                    "the engine has no image "
                            + quote(spec.image()) + "; upload it first with POST /v1/images"
                            + " (mvn fn:deploy does both)");
        }
        String handler = chooseHandler(spec.handler(), image.handlers(), spec.image());
        // Pin the image by id: a tag moved later must not change what this revision runs.
        FunctionRegistry.Deployed deployed = registry.put(name, spec.resolved(image.id(), handler));
        pools.deploy(deployed.function());
        return deployed;
    }

    /** Removes the function; its instances go once their calls end. */
    public void delete(String name) {
        FunctionName.check(name);
        if (registry.remove(name).isEmpty()) {
            throw notFound(name);
        }
        pools.remove(name);
    }

    public static ApiException notFound(String name) {
        return new ApiException(
                ErrorCode.FUNCTION_NOT_FOUND,
                "no function named '" + name + "'; list them with GET /v1/functions or deploy it with mvn fn:deploy");
    }

    private static String chooseHandler(String requested, List<String> inImage, String image) {
        if (requested.isEmpty()) {
            if (inImage.size() == 1) {
                return inImage.get(0);
            }
            throw new ApiException(
                    ErrorCode.INVALID_SPEC,
                    "\"handler\" is required: image "
                            + quote(image)
                            + (inImage.isEmpty()
                                    ? " does not name its handlers"
                                    : " has several handlers: " + String.join(", ", inImage)));
        }
        if (!inImage.isEmpty() && !inImage.contains(requested)) {
            throw new ApiException(
                    ErrorCode.UNKNOWN_HANDLER,
                    "handler " + quote(requested)
                            + " is not in image " + quote(image) + "; its handlers are: "
                            + String.join(", ", inImage));
        }
        return requested;
    }
}
