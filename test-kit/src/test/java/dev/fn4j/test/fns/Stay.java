package dev.fn4j.test.fns;

import java.time.LocalDate;
import java.util.Optional;

/** A booking request: a record with a java.time field and an optional one. */
public record Stay(String guest, LocalDate since, int nights, Optional<String> note) {}
