package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers what its Context says, and logs the input at info level. */
public final class ContextProbe implements Handler<String, Map<String, Object>> {
    @Override
    public Map<String, Object> handle(String input, Context context) {
        context.logger().info("probing " + input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", context.requestId());
        out.put("functionName", context.functionName());
        out.put("deadline", context.deadline().toEpochMilli());
        out.put("remainingPositive", !context.remainingTime().isZero());
        out.put("config", context.config());
        return out;
    }
}
