package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instances start with every core and are held to their function's cpus before they serve. */
class StartupBoostTest {

    /** An engine that records the limits it is asked to set, and the containers it removes. */
    private static final class LimitingEngine extends StubEngine {
        final boolean canLimit;
        final List<String> calls = new ArrayList<>();
        boolean refuse;

        LimitingEngine(boolean canLimit) {
            this.canLimit = canLimit;
        }

        @Override
        public boolean canLimitCpus() {
            return canLimit;
        }

        @Override
        public void limitCpus(String containerId, long nanoCpus) {
            if (refuse) {
                throw new EngineException("no such container: " + containerId);
            }
            calls.add("limit " + containerId + " " + nanoCpus);
        }

        @Override
        public void remove(String containerId) {
            calls.add("remove " + containerId);
        }
    }

    private final ExecutorService janitor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopJanitor() throws InterruptedException {
        janitor.shutdown();
        janitor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Function function(double cpus) {
        FunctionSpec spec = new FunctionSpec(
                "sha256:abc",
                "com.example.Echo",
                Duration.ofSeconds(10),
                256L << 20,
                cpus,
                4,
                Map.of(),
                new FunctionSpec.Scaling(0, 2, Duration.ofMinutes(1), 10),
                null,
                false);
        return new Function("echo", 1, spec, Instant.EPOCH, Instant.EPOCH);
    }

    private static Instance instance(Function function) {
        return new Instance("i1", function, "c1", Path.of("/tmp/fn4j-boost-test"), List.of(), Instant.EPOCH);
    }

    private StartupBoost boost(LimitingEngine engine, int cores) {
        return StartupBoost.of(engine, cores, new InstanceRemover(engine, janitor));
    }

    @Test
    void startsWithEveryCoreAndIsHeldToItsCpusOnceReady() {
        LimitingEngine engine = new LimitingEngine(true);
        StartupBoost boost = boost(engine, 2);
        Function function = function(0.5);

        assertThat(boost.startNanoCpus(function)).isEqualTo(2_000_000_000L);
        boost.settle(function, instance(function));

        assertThat(engine.calls).containsExactly("limit c1 500000000");
    }

    @Test
    void aFunctionAskingForEveryCoreIsNeitherBoostedNorLimitedAgain() {
        LimitingEngine engine = new LimitingEngine(true);
        StartupBoost boost = boost(engine, 2);
        Function function = function(4);

        assertThat(boost.startNanoCpus(function)).isEqualTo(4_000_000_000L);
        boost.settle(function, instance(function));

        assertThat(engine.calls).isEmpty();
    }

    @Test
    void anEngineThatCannotChangeALimitStartsInstancesWithTheirOwn() {
        LimitingEngine engine = new LimitingEngine(false);
        StartupBoost boost = boost(engine, 2);
        Function function = function(1);

        assertThat(boost.startNanoCpus(function)).isEqualTo(1_000_000_000L);
        boost.settle(function, instance(function));

        assertThat(engine.calls).isEmpty();
    }

    @Test
    void anInstanceWhoseLimitCannotBeSetIsRemovedAndTheStartFails() throws InterruptedException {
        LimitingEngine engine = new LimitingEngine(true);
        engine.refuse = true;
        StartupBoost boost = boost(engine, 2);
        Function function = function(1);
        Instance instance = instance(function);

        assertThatThrownBy(() -> boost.settle(function, instance))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.START_FAILED))
                .hasMessage("cannot hold an instance of 'echo' to its cpus: no such container: c1");
        janitor.shutdown();
        janitor.awaitTermination(10, TimeUnit.SECONDS);
        assertThat(instance.state()).isEqualTo(Instance.State.DEAD);
        assertThat(engine.calls).containsExactly("remove c1");
    }
}
