package dev.fn4j.host;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a class-data training run ({@code FN4J_CLASS_TRAINING}) does besides starting: sets up the
 * JSON mapping and sends one record of the usual shapes through it both ways, and one plain record
 * through the plain codec, so that the archive, which every function on the same JRE and host jar
 * maps, holds Jackson's classes and the plain codec's even when the function that trained it takes
 * text or bytes and would never have loaded them.
 */
final class JsonTraining {

    /** A record with the field types handlers usually have: text, numbers, time, optional, nested. */
    record Sample(
            String name,
            int count,
            long total,
            double ratio,
            boolean ok,
            BigDecimal amount,
            Instant at,
            LocalDate day,
            Optional<String> note,
            List<String> tags,
            Map<String, Integer> scores,
            Nested nested) {}

    record Nested(String id, List<Nested> children) {}

    private JsonTraining() {}

    /** Runs one sample through the mapping; a failure costs the archive those classes, never the start. */
    static void run(PrintStream err) {
        try {
            Sample sample = new Sample(
                    "Ada",
                    1,
                    2L,
                    0.5,
                    true,
                    new BigDecimal("1.25"),
                    Instant.EPOCH,
                    LocalDate.EPOCH,
                    Optional.of("x"),
                    List.of("a"),
                    Map.of("a", 1),
                    new Nested("n", List.of()));
            BodyCodec codec = new JsonCodec(Sample.class);
            codec.decode(codec.encode(sample).body());
            // Nested is plain: its codec reads and writes without Jackson, whose classes are archived too.
            BodyCodec plain = BodyCodec.forType(Nested.class);
            plain.decode(plain.encode(new Nested("n\u00e9", List.of(new Nested("m", List.of()))))
                    .body());
        } catch (BodyCodec.BodyException | RuntimeException e) {
            err.println("fn4j-host: the training run could not set up the JSON mapping: " + e);
        }
    }
}
