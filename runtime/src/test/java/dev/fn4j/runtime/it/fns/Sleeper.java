package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Sleeps for the number of milliseconds in its input, then answers with the instance's pid. */
public final class Sleeper implements Handler<String, String> {
    @Override
    public String handle(String millis, Context context) throws InterruptedException {
        Thread.sleep(Long.parseLong(millis.strip()));
        return "slept " + millis.strip() + " in " + ProcessHandle.current().pid();
    }
}
