package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every instance of a function revision gets, wherever its JVM started: the
 * function's variables and the host's settings, the latter winning a clash. How the host reaches
 * the runtime, and which instance it is, are added by whoever starts it.
 */
final class InstanceEnv {

    private InstanceEnv() {}

    static Map<String, String> of(Function function) {
        FunctionSpec spec = function.spec();
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put(Protocol.ENV_HANDLER, spec.handler());
        env.put(Protocol.ENV_FUNCTION, function.name());
        env.put(Protocol.ENV_CONCURRENCY, Integer.toString(spec.concurrency()));
        env.put(Protocol.ENV_CONFIG_KEYS, String.join(",", spec.env().keySet()));
        env.put(Protocol.ENV_LOG_LIMIT_BYTES, Integer.toString(Protocol.DEFAULT_LOG_LIMIT_BYTES));
        env.put(Protocol.ENV_LOG_STREAM_MILLIS, Integer.toString(Protocol.DEFAULT_LOG_STREAM_MILLIS));
        return env;
    }
}
