package fns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Uses the function's own jackson-databind 2.17.2 and looks for the host's classes. */
public final class OwnJackson implements Handler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handle(Map<String, Object> input, Context context) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("databind", PackageVersion.VERSION.toString());
        out.put("written", new ObjectMapper().writeValueAsString(input));
        out.put("hostJackson", visible("dev.fn4j.host.shaded.jackson.databind.ObjectMapper"));
        out.put("hostMain", visible("dev.fn4j.host.Main"));
        out.put("protocol", visible("dev.fn4j.protocol.Frame"));
        out.put("hostResource", getClass().getClassLoader().getResource("dev/fn4j/host/Main.class") != null);
        return out;
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
