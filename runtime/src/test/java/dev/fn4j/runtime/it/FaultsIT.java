package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.Crasher;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.MemoryHog;
import dev.fn4j.runtime.it.fns.Sleeper;
import dev.fn4j.runtime.it.fns.Thrower;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void callPastItsTimeoutGets504AtOnceAndItsInstanceIsRemoved() throws Exception {
        runtime.deploy("sleepy", image, Sleeper.class.getName(), "\"timeout\":\"1s\"");
        assertThat(runtime.invoke("sleepy", "10").status()).isEqualTo(200);
        List<String> before = Containers.ofFunction(runtime.runtimeId(), "sleepy");
        assertThat(before).hasSize(1);

        long start = System.nanoTime();
        Reply reply = runtime.invoke("sleepy", "60000");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).as("%s", reply).isEqualTo(504);
        assertThat(reply.errorCode()).isEqualTo("function_timeout");
        assertThat(reply.errorMessage()).contains("timeout of 1s");
        // The function would sleep a minute; the runtime must not wait for it.
        assertThat(elapsedMillis).isLessThan(30_000);
        assertThat(Containers.awaitNone(runtime.runtimeId(), "sleepy")).isTrue();

        Reply next = runtime.invoke("sleepy", "10");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.coldStart()).isTrue();
        assertThat(Containers.ofFunction(runtime.runtimeId(), "sleepy"))
                .hasSize(1)
                .doesNotContainAnyElementsOf(before);
    }

    @Test
    void instanceOverItsMemoryLimitGets502OutOfMemory() {
        runtime.deploy("hog", image, MemoryHog.class.getName(), "\"memory\":\"128m\"");
        Reply reply = runtime.invoke("hog", "go");
        assertThat(reply.status()).as("%s", reply).isEqualTo(502);
        assertThat(reply.errorCode()).isEqualTo("out_of_memory");
        assertThat(reply.errorMessage()).contains("limit 128m");
    }

    @Test
    void instanceThatExitsGets502FunctionCrashedAndIsNeverReused() {
        runtime.deploy("crasher", image, Crasher.class.getName(), "");
        assertThat(runtime.invoke("crasher", "hi").body()).isEqualTo("alive");
        Reply reply = runtime.invoke("crasher", "crash");
        assertThat(reply.status()).as("%s", reply).isEqualTo(502);
        assertThat(reply.errorCode()).isEqualTo("function_crashed");
        assertThat(reply.errorMessage()).contains("exited with code 13");
        Reply next = runtime.invoke("crasher", "hi");
        assertThat(next.body()).isEqualTo("alive");
        assertThat(next.coldStart()).isTrue();
    }

    @Test
    void handlerThatThrowsGets500WithTypeAndMessageAndTheInstanceKeepsServing() {
        runtime.deploy("thrower", image, Thrower.class.getName(), "");
        assertThat(runtime.invoke("thrower", "ok").status()).isEqualTo(200);
        Reply reply = runtime.invoke("thrower", "boom now");
        assertThat(reply.status()).as("%s", reply).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("function_error");
        assertThat(reply.errorMessage()).isEqualTo("java.lang.IllegalStateException: boom: boom now");
        assertThat(reply.json().path("error").path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(reply.json().path("error").path("stackTrace").asText())
                .contains("at " + Thrower.class.getName() + ".handle");
        Reply next = runtime.invoke("thrower", "ok");
        assertThat(next.body()).isEqualTo("fine");
        assertThat(next.coldStart()).isFalse();
    }

    @Test
    void inputThatDoesNotFitTheHandlersTypeGets400() {
        runtime.deploy("typed", image, Greeter.class.getName(), "");
        Reply reply = runtime.invoke("typed", "[1, 2");
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("bad_input");
        assertThat(runtime.invoke("typed", "{\"name\":\"Ada\"}").coldStart()).isFalse();
    }

    @Test
    void handlerMissingFromTheImageIsRefusedAtDeploy() {
        Reply reply = runtime.deploy("missing", image, "com.example.Nope", "");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("unknown_handler");
        assertThat(reply.errorMessage())
                .startsWith("handler 'com.example.Nope' is not in image")
                .contains(Greeter.class.getName());
    }
}
