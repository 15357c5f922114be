package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.FailsAtStart;
import dev.fn4j.runtime.it.fns.Greeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartupFailureIT {

    private static final String HANDLER = FailsAtStart.class.getName();

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void handlerFailingToStartFailsTheDeployAndEveryCallAtOnceUntilAGoodRedeploy() throws Exception {
        Reply deploy = runtime.deploy("broken", image, HANDLER, "");

        assertThat(deploy.status()).as("%s", deploy).isEqualTo(502);
        assertThat(deploy.errorCode()).isEqualTo("handler_failed");
        String message = deploy.errorMessage();
        String[] lines = message.split("\n");
        assertThat(lines[0])
                .isEqualTo("the handler of 'broken' revision 1 failed to start; fix it and deploy again: handler "
                        + HANDLER
                        + ": static initializer threw java.lang.IllegalStateException: no database configured");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("\tat " + HANDLER + ".connect(FailsAtStart.java:");
        assertThat(lines[2]).startsWith("\tat " + HANDLER + ".<clinit>(FailsAtStart.java:");

        Reply view = runtime.send("GET", "/v1/functions/broken", null);
        assertThat(view.json().path("revision").asLong()).isEqualTo(1);
        assertThat(view.json().path("status").asText()).isEqualTo("failed");
        assertThat(view.json().path("error").path("code").asText()).isEqualTo("handler_failed");
        assertThat(view.json().path("error").path("message").asText()).isEqualTo(message);

        long start = System.nanoTime();
        Reply call = runtime.invoke("broken", "hi");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(call.status()).as("%s", call).isEqualTo(502);
        assertThat(call.errorCode()).isEqualTo("handler_failed");
        assertThat(call.errorMessage()).isEqualTo(message);
        // No container starts for the call: it is answered from what the deploy learnt.
        assertThat(elapsedMillis).isLessThan(1000);
        assertThat(Containers.awaitNone(runtime.runtimeId(), "broken")).isTrue();

        Reply fixed = runtime.deploy("broken", image, Greeter.class.getName(), "");
        assertThat(fixed.status()).as("%s", fixed).isEqualTo(200);
        assertThat(fixed.json().path("revision").asLong()).isEqualTo(2);
        assertThat(fixed.json().path("status").asText()).isEqualTo("active");
        assertThat(fixed.json().has("error")).isFalse();
        Reply greeted = runtime.invoke("broken", "{\"name\":\"Ada\"}");
        assertThat(greeted.status()).as("%s", greeted).isEqualTo(200);
        assertThat(greeted.json().path("message").asText()).isEqualTo("Hello, Ada!");
    }

    @Test
    void failedRedeployKeepsTheServingRevision() {
        assertThat(runtime.deploy("steady", image, Greeter.class.getName(), "").status())
                .isEqualTo(201);

        Reply deploy = runtime.deploy("steady", image, HANDLER, "");

        assertThat(deploy.status()).as("%s", deploy).isEqualTo(502);
        assertThat(deploy.errorCode()).isEqualTo("handler_failed");
        assertThat(deploy.errorMessage())
                .startsWith("revision 1 keeps serving: the handler of 'steady' revision 2 failed to start;"
                        + " fix it and deploy again: handler " + HANDLER + ": static initializer threw");
        Reply view = runtime.send("GET", "/v1/functions/steady", null);
        assertThat(view.json().path("revision").asLong()).isEqualTo(1);
        assertThat(view.json().path("status").asText()).isEqualTo("active");
        Reply greeted = runtime.invoke("steady", "{\"name\":\"Ada\"}");
        assertThat(greeted.status()).as("%s", greeted).isEqualTo(200);
    }
}
