package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link Hotel} behind a desk with two special guests for the sandbox tests: "sleeper" waits
 * past any timeout, "writer" tries to write outside /tmp (the root file system is read-only).
 */
public class Frontdesk implements Handler<Stay, Booking> {

    private final Hotel hotel = new Hotel();

    @Override
    public Booking handle(Stay stay, Context context) throws Exception {
        if ("sleeper".equals(stay.guest())) {
            Thread.sleep(120_000);
        }
        if ("writer".equals(stay.guest())) {
            Files.writeString(Files.createTempFile("fn4j-", ".tmp"), "the tmpfs is writable");
            Files.writeString(Path.of("/fn4j-probe"), "the root file system must be read-only");
        }
        return hotel.handle(stay, context);
    }
}
