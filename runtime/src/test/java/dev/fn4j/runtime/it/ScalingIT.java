package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Sleeper;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pools that scale: a bounded burst, prewarmed minimums, idle reaping, redeploy under load. */
class ScalingIT {

    /** Its idle test is about removal: idle instances are removed at once, not paused first. */
    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension("--keep-paused", "0");

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    private JsonNode instances(String name) {
        return runtime.send("GET", "/v1/functions/" + name, null).json().get("instances");
    }

    @Test
    void fiftySimultaneousFirstCallsStartAtMostMaxInstancesAndAllAreAnswered() throws Exception {
        runtime.deploy(
                "burst",
                image,
                Sleeper.class.getName(),
                "\"maxInstances\":4,\"concurrency\":1,\"maxQueue\":100,\"timeout\":\"60s\"");
        List<Reply> replies = Load.burst(50, () -> runtime.invoke("burst", "200"));
        Set<String> pids = new HashSet<>();
        for (Reply reply : replies) {
            assertThat(reply.status()).as("%s", reply).isIn(200, 429);
            if (reply.status() == 200) {
                pids.add(reply.body().replaceAll(".* in ", ""));
            }
        }
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSizeGreaterThan(40);
        assertThat(Containers.ofFunction(runtime.runtimeId(), "burst")).hasSizeLessThanOrEqualTo(4);
        assertThat(coldStarts("burst")).isBetween(1.0, 4.0);
        assertThat(pids).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void minInstancesAreWarmBeforeTheFirstCall() throws Exception {
        runtime.deploy("prewarmed", image, Greeter.class.getName(), "\"minInstances\":2");
        for (int i = 0; i < 200 && countReady("prewarmed") < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(countReady("prewarmed")).isEqualTo(2);
        Reply first = runtime.invoke("prewarmed", "{\"name\":\"Ada\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.coldStart()).isFalse();
    }

    @Test
    void idleInstancesAboveTheMinimumAreStoppedAfterTheIdleTimeout() throws Exception {
        runtime.deploy("idler", image, Greeter.class.getName(), "\"idleTimeout\":\"1s\"");
        assertThat(runtime.invoke("idler", "{}").status()).isEqualTo(200);
        assertThat(instances("idler")).hasSize(1);
        for (int i = 0; i < 100 && instances("idler").size() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(instances("idler")).isEmpty();
        assertThat(Containers.awaitNone(runtime.runtimeId(), "idler")).isTrue();
        assertThat(runtime.invoke("idler", "{}").coldStart()).isTrue();
    }

    @Test
    void redeployUnderLoadLosesNoCallAndRetiresTheOldRevision() throws Exception {
        runtime.deploy("rolling", image, Sleeper.class.getName(), "\"concurrency\":2,\"maxInstances\":2");
        assertThat(runtime.invoke("rolling", "10").status()).isEqualTo(200);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> first = Load.background(12, () -> runtime.invoke("rolling", "400"), threads);
            Await.until("calls of revision 1 run", Duration.ofSeconds(10), () -> runtime.inFlight("rolling") > 0);
            Reply redeployed = runtime.deploy(
                    "rolling",
                    image,
                    Sleeper.class.getName(),
                    "\"concurrency\":2,\"maxInstances\":2,\"env\":{\"REV\":\"2\"}");
            assertThat(redeployed.json().get("revision").asLong()).isEqualTo(2);
            List<Future<Reply>> second = Load.background(12, () -> runtime.invoke("rolling", "50"), threads);
            for (Future<Reply> reply : first) {
                assertThat(reply.get().status()).as("%s", reply.get()).isEqualTo(200);
            }
            for (Future<Reply> reply : second) {
                assertThat(reply.get().status()).as("%s", reply.get()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < 100 && hasRevision("rolling", 1); i++) {
            Thread.sleep(100);
        }
        assertThat(hasRevision("rolling", 1)).isFalse();
        // Drained instances' containers go in the background: wait for them before inspecting
        // the rest, or a container removed between the listing and its inspection fails the test.
        Await.until(
                "revision 1's containers are removed",
                Duration.ofSeconds(10),
                () -> DockerInspector.withLabels(Map.of(
                                Labels.RUNTIME, runtime.runtimeId(), Labels.FUNCTION, "rolling", Labels.REVISION, "1"))
                        .isEmpty());
        for (String id : Containers.ofFunction(runtime.runtimeId(), "rolling")) {
            assertThat(DockerInspector.labels(id)).containsEntry("dev.fn4j.revision", "2");
        }
    }

    private boolean hasRevision(String name, long revision) {
        for (JsonNode instance : instances(name)) {
            if (instance.get("revision").asLong() == revision) {
                return true;
            }
        }
        return false;
    }

    private int countReady(String name) {
        int ready = 0;
        for (JsonNode instance : instances(name)) {
            if (instance.get("state").asText().equals("ready")) {
                ready++;
            }
        }
        return ready;
    }

    private double coldStarts(String name) {
        String metrics = runtime.send("GET", "/metrics", null).body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("fn4j_cold_start_duration_seconds_count{function=\"" + name + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
