package fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Answers the first name it got, with a secret that must not be written. */
public final class RenamedEcho implements Handler<Renamed, Renamed> {
    @Override
    public Renamed handle(Renamed input, Context context) {
        return new Renamed(input.firstName() + (input.secret() == null ? "" : " saw " + input.secret()), "s3cret");
    }
}
