package fns;

import com.google.cloud.functions.BackgroundFunction;
import com.google.cloud.functions.Context;
import java.util.Map;

/** A background function: records what it saw where the test can read it. */
public class Audit implements BackgroundFunction<Map<String, Object>> {

    @Override
    public void accept(Map<String, Object> payload, Context context) {
        System.setProperty("fns.audit", context.eventId() + " " + context.resource() + " " + payload.get("user"));
    }
}
