package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.testfns.BadHandlers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env) {
        return Main.run(env, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownHandlerExitsWith2AndOneLine() {
        int code = run(Map.of("FN4J_HANDLER", "com.example.Nope"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fn4j-host: handler com.example.Nope: class not found on the classpath\n");
    }

    @Test
    void throwingConstructorExitsWith2AndPrintsTheCause() {
        int code = run(Map.of("FN4J_HANDLER", BadHandlers.ThrowingConstructor.class.getName()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("fn4j-host: handler " + BadHandlers.ThrowingConstructor.class.getName()
                        + ": constructor threw java.lang.IllegalStateException: no config\n"
                        + "java.lang.IllegalStateException: no config\n");
    }

    @Test
    void unreachableSocketExitsWith1AfterRetrying(@TempDir Path dir) {
        long start = System.nanoTime();

        int code = run(Map.of(
                "FN4J_HANDLER",
                "dev.fn4j.host.testfns.Echo",
                "FN4J_SOCKET",
                dir.resolve("fn.sock").toString()));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(code).isEqualTo(1);
        assertThat(millis).isBetween(Connector.RETRY_MILLIS, Connector.RETRY_MILLIS + 1500);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("fn4j-host: cannot connect to " + dir.resolve("fn.sock") + " (connection 0): ");
    }
}
