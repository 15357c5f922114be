package dev.fn4j.host;

import dev.fn4j.host.testfns.Chatter;
import dev.fn4j.host.testfns.ContextProbe;
import dev.fn4j.host.testfns.Echo;
import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.LatchHandler;
import dev.fn4j.host.testfns.Reverser;
import dev.fn4j.host.testfns.Thrower;
import java.io.IOException;
import java.util.Map;

/** The Java host (the shaded jar) against the conformance cases. */
class JavaHostConformanceIT extends HostConformance {

    @Override
    FakeRuntime start(Fn fn, int concurrency, Map<String, String> env) throws IOException {
        return FakeRuntime.start(handlerName(fn), concurrency, env);
    }

    @Override
    String handlerName(Fn fn) {
        return switch (fn) {
            case ECHO -> Echo.class.getName();
            case GREETER -> Greeter.class.getName();
            case REVERSER -> Reverser.class.getName();
            case THROWER -> Thrower.class.getName();
            case CONTEXT_PROBE -> ContextProbe.class.getName();
            case LATCH -> LatchHandler.class.getName();
            case CHATTER -> Chatter.class.getName();
            case BAD_HANDLER -> "com.example.DoesNotExist";
        };
    }
}
