package dev.fn4j.test.fns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A booking confirmation: java.time values, a BigDecimal and an optional note. */
public record Booking(
        String guest, LocalDate until, Duration stay, Instant deadline, BigDecimal price, Optional<String> note) {}
