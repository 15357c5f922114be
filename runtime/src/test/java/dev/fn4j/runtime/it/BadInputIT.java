package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.it.fns.Greeter;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad requests get designed errors, and none of them hurts the runtime. */
class BadInputIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension("--max-body-bytes", "1024");

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @BeforeEach
    void greeterIsDeployed() {
        assertThat(runtime.deploy("greeter", image, Greeter.class.getName(), "").status())
                .isIn(200, 201);
    }

    @AfterEach
    void runtimeStillServes() {
        assertThat(runtime.send("GET", "/healthz", null).status()).isEqualTo(200);
        assertThat(runtime.invoke("greeter", "{\"name\":\"Ada\"}").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonSpecGets400() {
        Reply reply = runtime.send("PUT", "/v1/functions/greeter2", "{\"image\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_json");
        assertThat(reply.errorMessage()).startsWith("the body is not valid JSON");
    }

    @Test
    void unknownFunctionGets404() {
        Reply reply = runtime.invoke("nobody", "{}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("function_not_found");
        assertThat(reply.errorMessage())
                .isEqualTo("no function named 'nobody'; list them with"
                        + " GET /v1/functions or deploy it with mvn fn:deploy");
        assertThat(runtime.send("GET", "/fn/nobody/x", null).status()).isEqualTo(404);
    }

    @Test
    void invalidNameGets400StatingTheRule() {
        for (String path :
                new String[] {"/v1/functions/Bad_Name", "/v1/functions/a%3Bdrop", "/v1/functions/" + "a".repeat(64)}) {
            Reply reply = runtime.send("PUT", path, "{\"image\":\"" + image + "\"}");
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("invalid_name");
            assertThat(reply.errorMessage()).endsWith("a name is " + FunctionName.RULE);
        }
        assertThat(runtime.send("GET", "/v1/functions", null).json().get("functions"))
                .hasSize(1);
    }

    @Test
    void bodyOverTheLimitGets413() {
        Reply reply = runtime.invoke("greeter", "{\"name\":\"" + "x".repeat(2000) + "\"}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("payload_too_large");
        assertThat(reply.errorMessage()).contains("limit of 1024 bytes");
    }

    @Test
    void wrongMethodGets405WithAllow() {
        Reply reply = runtime.send("DELETE", "/v1/functions/greeter/invocations", null);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo("method_not_allowed");
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
        assertThat(runtime.send("PATCH", "/v1/functions", null).header("Allow")).isEqualTo("GET");
    }

    @Test
    void unknownPathGets404InTheErrorShape() {
        Reply reply = runtime.send("GET", "/v2/whatever", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
    }

    @Test
    void uploadThatIsNotAnImageGets400() {
        Reply reply = runtime.send(
                "POST", "/v1/images", HttpRequest.BodyPublishers.ofString("definitely not a tar archive"), Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_image");
    }

    @Test
    void specNamingAnUnknownImageGets400() {
        Reply reply = runtime.send("PUT", "/v1/functions/ghost", "{\"image\":\"sha256:" + "0".repeat(64) + "\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("image_not_found");
    }

    @Test
    void invalidSpecValueGets400NamingTheField() {
        Reply reply = runtime.deploy("greeter", image, Greeter.class.getName(), "\"timeout\":\"forever\"");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_spec");
        assertThat(reply.errorMessage()).contains("\"timeout\"").contains("'forever'");
    }
}
