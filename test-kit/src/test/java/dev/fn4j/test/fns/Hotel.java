package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.math.BigDecimal;
import java.time.Duration;

/** Books a stay; fails with an exception for a stay of no nights, and logs what it books. */
public class Hotel implements Handler<Stay, Booking> {

    @Override
    public Booking handle(Stay stay, Context context) {
        if (stay.nights() <= 0) {
            throw new IllegalArgumentException("a stay needs at least one night, got " + stay.nights());
        }
        context.logger().info("booking " + stay.guest() + " for " + stay.nights() + " nights");
        System.out.println("printed by the handler");
        String rate = context.config().getOrDefault("RATE", "100.00");
        return new Booking(
                stay.guest(),
                stay.since().plusDays(stay.nights()),
                Duration.ofDays(stay.nights()),
                context.deadline(),
                new BigDecimal(rate).multiply(BigDecimal.valueOf(stay.nights())),
                stay.note().map(String::toUpperCase));
    }
}
