package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On real Docker, with the default {@code --keep-paused}: an instance idle past its idleTimeout
 * is paused, not removed; the next call resumes that same container (its host's connections
 * survive the freeze), not a cold start; deleting the function removes the paused container.
 */
class PausedInstancesIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void idleInstanceIsPausedThenResumedByTheNextCallAndRemovedWithItsFunction() throws Exception {
        runtime.deploy("napper", image, Sleeper.class.getName(), "\"idleTimeout\":\"1s\"");
        assertThat(runtime.invoke("napper", "1").status()).isEqualTo(200);
        List<String> containers = Containers.ofFunction(runtime.runtimeId(), "napper");
        assertThat(containers).hasSize(1);
        String container = containers.get(0);
        String instance = instances("napper").get(0).get("id").asText();

        Await.until("the idle instance is paused", Duration.ofSeconds(30), () -> paused(container));
        JsonNode listed = instances("napper").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(instance);
        assertThat(listed.get("state").asText()).isEqualTo("paused");

        Reply resumed = runtime.invoke("napper", "1");

        assertThat(resumed.status()).as("%s", resumed).isEqualTo(200);
        assertThat(resumed.coldStart()).isFalse();
        assertThat(Containers.ofFunction(runtime.runtimeId(), "napper")).containsExactly(container);
        assertThat(instances("napper").get(0).get("id").asText()).isEqualTo(instance);
        assertThat(metric("fn4j_instance_resumes_total", "napper")).isEqualTo(1.0);

        Await.until("the instance is paused again", Duration.ofSeconds(30), () -> paused(container));
        assertThat(runtime.send("DELETE", "/v1/functions/napper", null).status())
                .isEqualTo(204);
        assertThat(Containers.awaitNone(runtime.runtimeId(), "napper")).isTrue();
    }

    private JsonNode instances(String name) {
        return runtime.send("GET", "/v1/functions/" + name, null).json().get("instances");
    }

    private static boolean paused(String container) {
        return Boolean.TRUE.equals(DockerInspector.inspect(container).getState().getPaused());
    }

    private double metric(String name, String function) {
        Matcher value = Pattern.compile(
                        "(?m)^" + name + "\\{function=\"" + Pattern.quote(function) + "\"[^}]*} ([0-9.]+)$")
                .matcher(runtime.send("GET", "/metrics", null).body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
