package dev.fn4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/** Measured times, printed and written to target/it-logs/timings.txt; nothing asserts on them. */
final class Timings {

    private static final Path FILE = EndToEnd.LOGS.resolve("timings.txt");
    /** Whether this test run wrote the file already; the first line replaces an earlier run's. */
    private static boolean started;

    private Timings() {}

    /** Records that {@code what} took {@code took}. */
    static void record(String what, Duration took) {
        record(what, String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
    }

    /** Records that {@code what} took {@code took}, as some tool printed it. */
    static synchronized void record(String what, String took) {
        String line = String.format(Locale.ROOT, "%-62s %9s", what, took);
        System.out.println("[timing] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
