package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.NoteEcho;
import dev.fn4j.protocol.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real shaded host jar, started with {@code -verbose:class}: a plain record handler says Hello
 * and answers its first call without loading a class of the relocated Jackson, or the spec's
 * fields.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainStartIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> VERBOSE = Map.of("JAVA_TOOL_OPTIONS", "-verbose:class");

    /** The classes the host loaded, one -verbose:class line each, after it served one call and exited. */
    private static List<String> loadedClasses(String handler, String body, String expectedAnswer) throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(handler, 1, VERBOSE)) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();
            Frame answer = peer.call(new Frame.Invoke(
                    "r1", System.currentTimeMillis() + 30_000, List.of(), body.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer).isInstanceOf(Frame.Result.class);
            assertThat(Frames.text(((Frame.Result) answer).body())).isEqualTo(expectedAnswer);
            peer.close();
            assertThat(runtime.waitForExit(WAIT)).as(runtime.stderr()).isZero();
            return runtime.stdout()
                    .lines()
                    .filter(line -> line.contains("[class,load]"))
                    .toList();
        }
    }

    @Test
    void aPlainRecordHandlerNeverLoadsTheRelocatedJackson() throws Exception {
        List<String> loaded = loadedClasses(
                Greeter.class.getName(),
                "{\"name\":\"Ada\",\"age\":36}",
                "{\"message\":\"Hello, Ada\",\"nextAge\":37}");

        assertThat(loaded).anyMatch(line -> line.contains(" dev.fn4j.host.PlainCodec "));
        assertThat(loaded).noneMatch(line -> line.contains("jackson"));
        assertThat(loaded)
                .as("the spec's fields, whose set-up spins lambdas, are not needed to start")
                .noneMatch(line -> line.contains(" dev.fn4j.spec.Field "));
    }

    @Test
    void aRecordWithJavaTimeStillGoesThroughTheRelocatedJackson() throws Exception {
        List<String> loaded = loadedClasses(
                NoteEcho.class.getName(),
                "{\"text\":\"x\",\"at\":\"2026-12-05T10:15:30Z\",\"amount\":1.5}",
                "{\"text\":\"x\",\"at\":\"2026-12-05T10:15:30Z\",\"amount\":1.5}");

        assertThat(loaded).anyMatch(line -> line.contains(" dev.fn4j.host.shaded.jackson.databind.ObjectMapper "));
    }
}
