package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.it.lambda.Orders;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A function written for AWS Lambda deploys unchanged and answers through the HTTP trigger. */
class ForeignHandlersIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();

    private static Path jarOf(String className) throws Exception {
        return Path.of(Class.forName(className)
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The test classes with the Lambda jars as the image's dependencies, as fn:build makes it. */
    private String lambdaImage() throws Exception {
        String name = "fn4j-it/lambda:" + Ids.instanceId();
        Path tar =
                Files.createDirectories(Path.of("target", "it-images")).resolve("lambda-" + Ids.instanceId() + ".tar");
        new FunctionImageBuilder()
                .build(ImageBuildRequest.builder()
                        .baseImage(BaseImage.parse("docker://" + TestImages.baseImage()))
                        .hostJar(Path.of(System.getProperty("fn4j.test.hostJar", "target/it-host/fn4j-host.jar")))
                        .classesDir(Path.of("target", "test-classes"))
                        .dependencies(List.of(
                                jarOf("com.amazonaws.services.lambda.runtime.RequestHandler"),
                                jarOf("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent")))
                        .handlers(List.of(Orders.class.getName()))
                        .labels(Map.of("dev.fn4j.test", "true"))
                        .output(ImageOutput.tar(tar, name))
                        .build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestImages.removeImage(name)));
        Reply uploaded = runtime.send("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(tar), Map.of());
        assertThat(uploaded.status()).as("upload: %s", uploaded).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }

    @Test
    void aLambdaApiGatewayFunctionAnswersTheHttpTriggerUnchanged() throws Exception {
        Reply deployed = runtime.deploy("orders", lambdaImage(), Orders.class.getName(), "");
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);

        Reply reply =
                runtime.send("POST", "/fn/orders/items/7?size=2", HttpRequest.BodyPublishers.ofString("hi"), Map.of());

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.header("x-function")).isEqualTo("orders");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body())
                .isEqualTo("{\"path\":\"/items/7\",\"query\":\"size=2\",\"body\":\"hi\",\"requestId\":\""
                        + reply.header("Fn-Request-Id") + "\"}");
    }
}
