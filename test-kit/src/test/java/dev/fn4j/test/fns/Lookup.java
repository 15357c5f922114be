package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.Optional;

/** Optional in and out: an empty Optional output is the empty body. */
public class Lookup implements Handler<Optional<String>, Optional<String>> {

    @Override
    public Optional<String> handle(Optional<String> key, Context context) {
        return key.filter(k -> k.equals("known")).map(k -> "found " + k);
    }
}
