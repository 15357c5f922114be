package dev.fn4j.spec;

import java.time.Duration;

/** The parsers of {@link Field}'s kinds: each checks the form, then the range when asked. */
final class FieldParsers {

    private FieldParsers() {}

    static Duration parseDuration(Field<Duration> f, String text, boolean ranged) {
        Duration d = Durations.parse(text, Durations.SPEC_UNITS);
        if (d == null) {
            throw f.notInFormat(text, "not a duration");
        }
        if (ranged && (d.toMillis() < f.min() || d.toMillis() > f.max())) {
            throw f.outOfRange(text);
        }
        return d;
    }

    static Long parseMemory(Field<Long> f, String text, boolean ranged) {
        long bytes = MemorySize.parseBytes(text);
        if (bytes < 0) {
            throw f.notInFormat(text, "not a memory size");
        }
        if (ranged && (bytes < f.min() || bytes > f.max())) {
            throw f.outOfRange(text);
        }
        return bytes;
    }

    static Integer parseWhole(Field<Integer> f, String text, boolean ranged) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SpecException(f.name(), text, "not a whole number", "use " + f.range());
        }
        if (ranged && (n < f.min() || n > f.max())) {
            throw f.outOfRange(text);
        }
        return n;
    }

    static Double parseCpus(Field<Double> f, String text, boolean ranged) {
        String fix = "use " + f.bareFormat() + " from " + f.range() + ", e.g. " + f.example();
        double cpus;
        try {
            cpus = Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new SpecException(f.name(), text, "not a number", fix);
        }
        if (ranged && (!Double.isFinite(cpus) || cpus < Field.MIN_CPUS)) {
            throw new SpecException(f.name(), text, Rules.OUT_OF_RANGE, fix);
        }
        return cpus;
    }

    static String parseText(Field<String> f, String text, boolean ranged) {
        if (text == null || text.chars().anyMatch(Character::isISOControl)) {
            throw f.notInFormat(text, "not plain text");
        }
        if (ranged && text.length() > f.max()) {
            throw new SpecException(f.name(), text, "too long", "use at most " + f.max() + " characters");
        }
        return text;
    }

    static Boolean parseBoolean(Field<Boolean> f, String text, boolean ranged) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new SpecException(f.name(), text, "not a boolean", "use true or false");
    }
}
