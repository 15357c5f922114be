package dev.fn4j.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Go host (hosts/go/fn4jhost) against the conformance cases: each function under
 * src/test/conformance/go is linked with the host and compiled once, with the local go toolchain.
 */
class GoHostConformanceIT extends HostConformance {

    private static final Map<Fn, Path> BINARIES = new EnumMap<>(Fn.class);
    private static Path work;

    @BeforeAll
    static void compileFunctions() throws Exception {
        assumeTrue(PolyglotHosts.go() != null, "no go toolchain on this machine");
        work = Files.createTempDirectory("fn4j-go-conformance-");
        for (Fn fn : Fn.values()) {
            Path source =
                    PolyglotHosts.conformanceFunctions("go").resolve(fn.name().toLowerCase(Locale.ROOT));
            BINARIES.put(fn, PolyglotHosts.compileGo(source, work, fn.name().toLowerCase(Locale.ROOT)));
        }
    }

    @AfterAll
    static void removeBinaries() throws IOException {
        PolyglotHosts.delete(work);
    }

    @Override
    FakeRuntime start(Fn fn, int concurrency, Map<String, String> env) throws IOException {
        return FakeRuntime.startCommand(List.of(BINARIES.get(fn).toString()), handlerName(fn), concurrency, env);
    }

    @Override
    String handlerName(Fn fn) {
        return fn.name().toLowerCase(Locale.ROOT);
    }

    @Override
    boolean attributesOutputOfConcurrentCalls() {
        return false;
    }
}
