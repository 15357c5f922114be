package fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes through System.out, slf4j-simple, java.util.logging and System.err, in that order. */
public final class SimpleLogs implements Handler<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleLogs.class);

    @Override
    public String handle(String input, Context context) {
        System.out.println("1 out " + input);
        LOG.info("2 slf4j {}", input);
        java.util.logging.Logger.getLogger("fns.jul").warning("3 jul " + input);
        System.err.println("4 err " + input);
        return "done " + input;
    }
}
