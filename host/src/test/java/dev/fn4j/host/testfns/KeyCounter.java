package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.Map;
import java.util.TreeMap;

/** Map in, Map out: counts the input's keys and echoes the input's sorted key list. */
public final class KeyCounter implements Handler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handle(Map<String, Object> input, Context context) {
        return Map.of("count", input.size(), "keys", new TreeMap<>(input).keySet());
    }
}
