package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.HttpEcho;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvocationIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void firstCallGetsTheInstanceTheDeployCheckedAndLaterCallsReuseIt() {
        Reply deployed = runtime.deploy("greeter", image, Greeter.class.getName(), "");
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
        assertThat(deployed.json().get("revision").asLong()).isEqualTo(1);

        Reply first = runtime.invoke("greeter", "{\"name\":\"Ada\"}");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("message").asText()).isEqualTo("Hello, Ada!");
        // The deploy's start check left its instance warm: the first call starts nothing.
        assertThat(first.coldStart()).isFalse();
        assertThat(first.header("Fn-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(first.json().get("requestId").asText()).isEqualTo(first.header("Fn-Request-Id"));
        assertThat(first.header("Content-Type")).startsWith("application/json");

        String instance = runtime.send("GET", "/v1/functions/greeter", null)
                .json()
                .get("instances")
                .get(0)
                .get("id")
                .asText();
        for (int i = 0; i < 5; i++) {
            Reply warm = runtime.invoke("greeter", "{\"name\":\"Grace\"}");
            assertThat(warm.status()).isEqualTo(200);
            assertThat(warm.coldStart()).isFalse();
            assertThat(warm.json().get("message").asText()).isEqualTo("Hello, Grace!");
        }
        Reply described = runtime.send("GET", "/v1/functions/greeter", null);
        assertThat(described.json().get("instances")).hasSize(1);
        assertThat(described.json().get("instances").get(0).get("id").asText()).isEqualTo(instance);
    }

    @Test
    void functionConfigReachesTheContextAndRedeployMakesANewRevision() {
        runtime.deploy("configured", image, Greeter.class.getName(), "");
        assertThat(runtime.invoke("configured", "{}").json().get("message").asText())
                .isEqualTo("Hello, world!");
        Reply updated =
                runtime.deploy("configured", image, Greeter.class.getName(), "\"env\":{\"GREETING\":\"Salut\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("revision").asLong()).isEqualTo(2);
        Reply reply = runtime.invoke("configured", "{\"name\":\"Ada\"}");
        assertThat(reply.json().get("message").asText()).isEqualTo("Salut, Ada!");
        assertThat(reply.coldStart()).isFalse();
    }

    @Test
    void httpTriggerHandsTheWholeRequestToAnHttpHandler() {
        runtime.deploy("echo", image, HttpEcho.class.getName(), "");
        Reply reply = runtime.send(
                "PATCH",
                "/fn/echo/items/7?color=red",
                HttpRequest.BodyPublishers.ofString("hi"),
                Map.of("X-Test", "t1"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("PATCH /items/7?color=red x-test=t1" + " authorization=null body=hi");
        assertThat(reply.header("x-echo")).isEqualTo("yes");
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain");
        assertThat(reply.header("Fn-Request-Id")).isNotBlank();

        Reply root = runtime.send("GET", "/fn/echo", null);
        assertThat(root.body()).isEqualTo("GET /? x-test=null authorization=null body=");
    }

    @Test
    void httpTriggerPassesTheBodyToAPlainHandler() {
        runtime.deploy("greeter-http", image, Greeter.class.getName(), "");
        Reply reply = runtime.send("POST", "/fn/greeter-http", "{\"name\":\"Linus\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("message").asText()).isEqualTo("Hello, Linus!");
    }

    @Test
    void listsDescribesAndDeletesFunctions() {
        runtime.deploy("doomed", image, Greeter.class.getName(), "\"timeout\":\"5s\"");
        assertThat(runtime.invoke("doomed", "{}").status()).isEqualTo(200);
        Reply list = runtime.send("GET", "/v1/functions", null);
        assertThat(list.json().get("functions").findValuesAsText("name")).contains("doomed");
        Reply described = runtime.send("GET", "/v1/functions/doomed", null);
        assertThat(described.json().get("timeout").asText()).isEqualTo("5s");
        assertThat(described.json().get("handler").asText()).isEqualTo(Greeter.class.getName());
        assertThat(described.json().get("image").asText()).isEqualTo(image);

        assertThat(runtime.send("DELETE", "/v1/functions/doomed", null).status())
                .isEqualTo(204);
        assertThat(runtime.send("GET", "/v1/functions/doomed", null).errorCode())
                .isEqualTo("function_not_found");
        assertThat(runtime.invoke("doomed", "{}").status()).isEqualTo(404);
    }

    @Test
    void healthReportsTheEngine() {
        Reply health = runtime.send("GET", "/healthz", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("engine").asText()).isEqualTo("up");
        assertThat(health.json().get("runtimeId").asText()).isEqualTo(runtime.runtimeId());
    }
}
