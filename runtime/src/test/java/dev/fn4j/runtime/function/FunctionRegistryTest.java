package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.testing.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {

    private final ManualClock clock = new ManualClock();
    /** The database both runtimes share. */
    private final SharedStore store = new SharedStore();

    private static FunctionSpec spec(String image) throws Exception {
        return new FunctionSpecParser(2).parse(new ObjectMapper().readTree("{\"image\":\"" + image + "\"}"));
    }

    @Test
    void aRevisionAnotherRuntimeDeployedIsTakenUpOnRefresh() throws Exception {
        FunctionRegistry here = new FunctionRegistry(clock, store);
        FunctionRegistry there = new FunctionRegistry(clock, store);
        there.put("hello", spec("sha256:1"));
        there.put("hello", spec("sha256:2"));

        assertThat(here.get("hello")).isEmpty();
        assertThat(here.refresh("hello")).isTrue();
        assertThat(here.get("hello")).get().extracting(Function::revision).isEqualTo(2L);
        assertThat(here.refresh("hello")).isFalse();
    }

    @Test
    void aFunctionAnotherRuntimeDeletedGoesOnRefresh() throws Exception {
        FunctionRegistry there = new FunctionRegistry(clock, store);
        there.put("hello", spec("sha256:1"));
        FunctionRegistry here = new FunctionRegistry(clock, store);
        there.remove("hello");

        assertThat(here.refresh("hello")).isTrue();
        assertThat(here.get("hello")).isEmpty();
    }

    @Test
    void refreshingEverythingNamesWhatChanged() throws Exception {
        FunctionRegistry there = new FunctionRegistry(clock, store);
        there.put("kept", spec("sha256:1"));
        there.put("gone", spec("sha256:1"));
        FunctionRegistry here = new FunctionRegistry(clock, store);
        there.remove("gone");
        there.put("kept", spec("sha256:2"));
        there.put("new", spec("sha256:1"));

        assertThat(here.refreshAll()).containsExactly("gone", "kept", "new");
        assertThat(here.list()).extracting(Function::name).containsExactly("kept", "new");
        assertThat(here.refreshAll()).isEmpty();
    }

    /** One database in memory: the current revision of each function. */
    private static final class SharedStore implements FunctionStore {
        private final Map<String, Function> current = new TreeMap<>();

        @Override
        public synchronized void save(Function function) {
            current.put(function.name(), function);
        }

        @Override
        public synchronized boolean delete(String name) {
            return current.remove(name) != null;
        }

        @Override
        public synchronized List<Function> loadAll() {
            return List.copyOf(current.values());
        }

        @Override
        public List<Revision> revisions(String name, int limit) {
            return List.of();
        }
    }

    @Test
    void anUnknownFunctionIsA404ThatSaysHowToFindOrDeployOne() {
        ApiException notFound = FunctionRegistry.notFound("nope");

        assertThat(notFound.code()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND);
        assertThat(notFound.code().status()).isEqualTo(404);
        assertThat(notFound.getMessage())
                .isEqualTo(
                        "no function named 'nope'; list them with GET /v1/functions or deploy it with mvn fn:deploy");
    }
}
