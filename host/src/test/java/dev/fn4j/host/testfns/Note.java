package dev.fn4j.host.testfns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A JSON input with an Optional, a java.time and a BigDecimal field. */
public record Note(Optional<String> text, Instant at, BigDecimal amount) {}
