package dev.fn4j.maven.core;

import dev.fn4j.spec.EnvNames;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import dev.fn4j.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the settings of the top level or of one {@code <function>} entry against the spec
 * module's rules ({@link Field#ALL}, {@link EnvNames}), words a failure for the user, and merges
 * an entry's with the top-level ones it inherits.
 */
final class SpecSettings {

    /** Checked values of one options object: the env, and the settings set. */
    record Checked(Map<String, String> env, Settings settings) {}

    private SpecSettings() {}

    /**
     * Checks the values of the top level or of one entry.
     *
     * @param function the {@code <function>} entry's name; null for the top-level parameters
     */
    static Checked check(FunctionOptions options, String function) throws FnFailureException {
        Settings settings = Settings.DEFAULTS;
        for (Field<?> field : Field.ALL) {
            settings = parsed(settings, field, options.settings().get(field.name()), function);
        }
        Checked checked = new Checked(checkEnv(options.env(), function), settings);
        checkOrder(settings, settings, function);
        return checked;
    }

    private static <T> Settings parsed(Settings settings, Field<T> field, String text, String function)
            throws FnFailureException {
        if (text == null) {
            return settings;
        }
        try {
            return settings.with(field, field.parse(text));
        } catch (SpecException e) {
            throw new FnFailureException(Setting.of(function, field.name()).invalid(text, e.problem(), e.getMessage()));
        }
    }

    /**
     * An entry's settings: its own where set, else the top-level ones; its env added to the
     * top-level env. Checked that {@code minInstances} is not above {@code maxInstances} when
     * one of them is inherited.
     */
    static Checked inherit(Checked own, String function, Checked inherited) throws FnFailureException {
        Map<String, String> env = new LinkedHashMap<>(inherited.env());
        env.putAll(own.env());
        Settings merged = inherited.settings().overriddenBy(own.settings());
        checkOrder(merged, own.settings(), function);
        return new Checked(env, merged);
    }

    /** Fails when min is above max, naming where each was set: in {@code own}, or inherited. */
    private static void checkOrder(Settings merged, Settings own, String function) throws FnFailureException {
        // Only both set: when one is unset the runtime's default applies; the plugin does not guess it.
        if (!merged.isSet(Field.MIN_INSTANCES) || !merged.isSet(Field.MAX_INSTANCES)) {
            return;
        }
        int min = merged.get(Field.MIN_INSTANCES);
        int max = merged.get(Field.MAX_INSTANCES);
        if (min <= max) {
            return;
        }
        Setting minSetting = Setting.of(own.isSet(Field.MIN_INSTANCES) ? function : null, "minInstances");
        Setting maxSetting = Setting.of(own.isSet(Field.MAX_INSTANCES) ? function : null, "maxInstances");
        throw new FnFailureException(minSetting.invalid(
                String.valueOf(min),
                "more than " + maxSetting + ", which is " + max,
                "use 0 to " + max + ", or raise " + maxSetting.howToSet()));
    }

    private static Map<String, String> checkEnv(Map<String, String> env, String function) throws FnFailureException {
        Map<String, String> checked = new LinkedHashMap<>();
        if (env == null) {
            return checked;
        }
        Setting setting =
                function == null ? Setting.pomOnly(EnvNames.FIELD) : Setting.ofFunction(function, EnvNames.FIELD);
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (EnvNames.isReserved(name)) {
                throw new FnFailureException(setting + " names the variable '" + name
                        + "', which is reserved for the platform: rename it so it does not start with "
                        + EnvNames.RESERVED_PREFIX + ".");
            }
            try {
                EnvNames.check(name);
            } catch (SpecException e) {
                throw new FnFailureException(
                        setting + " names the variable '" + name + "', " + e.problem() + ": " + e.getMessage() + ".");
            }
            checked.put(name, variable.getValue() == null ? "" : variable.getValue());
        }
        return checked;
    }
}
