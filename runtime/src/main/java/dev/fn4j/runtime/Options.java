package dev.fn4j.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line {@code --name value} options, each falling back to {@code FN4J_NAME} in the env. */
final class Options {

    private static final Set<String> KNOWN = Set.of(
            "host",
            "port",
            "data-dir",
            "max-body-bytes",
            "max-image-bytes",
            "worker-threads",
            "start-timeout-seconds",
            "shutdown-grace-seconds",
            "client-rate-limit",
            "client-burst",
            "memory-budget-mb",
            "database-url",
            "database-user",
            "database-password",
            "invocation-retention-hours",
            "log-format",
            "container-label",
            "max-backlog",
            "callback-allow",
            "open-loopback",
            "parent-pid",
            "engine",
            "runtime-lease-seconds",
            "max-source-bytes",
            "max-source-unpacked-bytes",
            "max-source-entries",
            "max-source-ratio",
            "max-source-depth",
            "source-base-image",
            "keep-paused",
            "control-port",
            "stems");

    /** Options that need no value: given alone they mean {@code true}. */
    private static final Set<String> FLAGS = Set.of("open-loopback");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (String name : KNOWN) {
            String fromEnv = env.get("FN4J_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (fromEnv != null) {
                values.put(name, fromEnv);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "'; options are --"
                        + String.join(", --", KNOWN.stream().sorted().toList()));
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!KNOWN.contains(name)) {
                throw new ConfigException("unknown option --" + name + "; options are --"
                        + String.join(", --", KNOWN.stream().sorted().toList()));
            }
            if (value == null && FLAGS.contains(name)) {
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return new Options(values);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A flag: {@code true} or {@code false}, whatever the case. */
    boolean flag(String name) {
        String value = values.getOrDefault(name, "false").strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("--" + name + " (or FN4J_"
                + name.toUpperCase(Locale.ROOT).replace('-', '_') + ") must be true or false: '" + value + "'");
    }

    int integer(String name, int fallback) {
        long value = longValue(name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ConfigException("--" + name + " is out of range: " + value);
        }
        return (int) value;
    }

    /** A decimal number such as {@code 24} or {@code 0.5}. */
    double decimal(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new ConfigException("--" + name + " (or FN4J_"
                + name.toUpperCase(Locale.ROOT).replace('-', '_') + ") must be a number such as 24"
                + " or 0.5: '" + value + "'");
    }

    long longValue(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + name + " (or FN4J_"
                    + name.toUpperCase(Locale.ROOT).replace('-', '_') + ") must be a whole number: '"
                    + value + "'");
        }
    }
}
