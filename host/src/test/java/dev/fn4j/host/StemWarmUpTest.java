package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StemWarmUpTest {

    @TempDir
    Path tmp;

    @Test
    void theWarmUpCallsItsHandlerOverASocketOfItsOwnAndLeavesNoFileBehind() throws IOException {
        List<String> seen = new ArrayList<>();
        Invoker echo = (invoke, log) -> {
            seen.add(new String(invoke.body(), StandardCharsets.UTF_8));
            return new Frame.Result(invoke.requestId(), List.of(), invoke.body());
        };

        StemWarmUp.callOverASocket(List.of(call(echo, "{\"n\":1}"), call(echo, "text")), tmp);

        assertThat(seen).hasSize(StemWarmUp.WARM_UP_CALLS);
        assertThat(seen.subList(0, 4)).containsExactly("{\"n\":1}", "text", "{\"n\":1}", "text");
        assertThat(seen).containsOnly("{\"n\":1}", "text");
        assertThat(tmp).isEmptyDirectory();
    }

    private static StemWarmUp.Call call(Invoker invoker, String body) {
        return new StemWarmUp.Call(
                invoker,
                new Frame.Invoke(
                        "warm", System.currentTimeMillis() + 60_000, List.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachOfTheWarmUpsHandlersAnswersItsBodyKind() throws Exception {
        Contexts contexts = new Contexts("stem", Map.of(), System.err, Clock.systemUTC());
        ClassLoader host = StemWarmUp.class.getClassLoader();
        for (StemWarmUp.Call call : List.of(
                StemWarmUp.call(StemWarmUp.Echo.class, "{\"name\":\"Ada\",\"count\":1}", contexts, host),
                StemWarmUp.call(StemWarmUp.TextEcho.class, "Ada", contexts, host),
                StemWarmUp.call(StemWarmUp.BytesEcho.class, "Ada", contexts, host))) {
            Frame answer = call.invoker().answer(call.invoke(), new CapturedLog("t", 1024));
            assertThat(answer).isInstanceOf(Frame.Result.class);
        }
    }

    @Test
    void theWholeWarmUpRunsOnTheHostsOwnHandlersWithoutFailing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        StemWarmUp.run(new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("warm-up failed");
    }
}
