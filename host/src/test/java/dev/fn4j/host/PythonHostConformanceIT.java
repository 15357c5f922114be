package dev.fn4j.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The Python host (hosts/python/fn4j_host.py) against the conformance cases; needs python3. */
class PythonHostConformanceIT extends HostConformance {

    @BeforeAll
    static void needsPython() {
        assumeTrue(PolyglotHosts.python() != null, "no python3 3.8 or later on this machine");
    }

    @Override
    FakeRuntime start(Fn fn, int concurrency, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("FN4J_CODE_DIR", PolyglotHosts.conformanceFunctions("python").toString());
        all.put("PYTHONDONTWRITEBYTECODE", "1");
        return FakeRuntime.startCommand(
                List.of(
                        PolyglotHosts.python(),
                        PolyglotHosts.hostsDir().resolve("python/fn4j_host.py").toString()),
                handlerName(fn),
                concurrency,
                all);
    }

    @Override
    String handlerName(Fn fn) {
        return fn == Fn.BAD_HANDLER ? "does_not_exist" : fn.name().toLowerCase(Locale.ROOT);
    }
}
