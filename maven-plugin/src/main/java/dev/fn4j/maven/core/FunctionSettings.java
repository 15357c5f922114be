package dev.fn4j.maven.core;

import static dev.fn4j.maven.core.SettingChecks.bool;
import static dev.fn4j.maven.core.SettingChecks.parse;
import static dev.fn4j.maven.core.SettingChecks.wholeNumber;

import dev.fn4j.client.SpecFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the functions a project configures, before anything is built: the top-level
 * parameters ({@code <name>}, {@code <timeout>}, ... or {@code -Dfn.*}) describe one function;
 * a {@code <functions>} list describes several, each entry inheriting the top-level values it
 * does not set. Every problem is a {@link FnFailureException} naming the setting and value.
 */
public final class FunctionSettings {

    private FunctionSettings() {}

    /**
     * The functions to build and deploy.
     *
     * @param top the top-level parameters; its name, when set, selects one {@code <function>}
     *     entry when there are entries
     * @param entries the {@code <functions>} entries; empty for a single-function project
     * @param artifactId the project's artifactId, the default function name
     */
    public static List<FunctionTarget> resolve(FunctionOptions top, List<FunctionOptions> entries,
            String artifactId) throws FnFailureException {
        Checked defaults = check(top, null);
        if (entries.isEmpty()) {
            String name = top.name() != null ? checkName(top.name(), Setting.parameter("name", "fn.name"))
                    : defaultName(artifactId);
            return List.of(defaults.target(name, top.handler(), Setting.parameter("handler", "fn.handler")));
        }
        List<FunctionTarget> targets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int index = 0;
        for (FunctionOptions entry : entries) {
            index++;
            if (entry.name() == null) {
                throw new FnFailureException("<function> #" + index + " in <functions> has no <name>:"
                        + " give it one, e.g. <name>greet</name>.");
            }
            String name = entry.name();
            if (!SpecFormat.isValidName(name)) {
                throw new FnFailureException("<name> of <function> #" + index + " in <functions> is '"
                        + name + "', not a valid function name: use " + SpecFormat.NAME_RULE
                        + ", e.g. " + suggestName(name) + ".");
            }
            if (!names.add(name)) {
                throw new FnFailureException("<functions> has two entries named '" + name
                        + "': give each <function> its own <name>.");
            }
            Checked own = check(entry, name);
            Map<String, String> env = new LinkedHashMap<>(defaults.env);
            env.putAll(own.env);
            Checked merged = new Checked(
                    own.timeout != null ? own.timeout : defaults.timeout,
                    own.memory != null ? own.memory : defaults.memory,
                    own.cpus != null ? own.cpus : defaults.cpus,
                    own.concurrency != null ? own.concurrency : defaults.concurrency, env,
                    ScalingSettings.inherit(own.scaling, name, defaults.scaling),
                    own.publicTrigger != null ? own.publicTrigger : defaults.publicTrigger);
            // Blame the top-level <handler> only when the entry inherits a value from it.
            boolean inherited = entry.handler() == null && top.handler() != null;
            targets.add(merged.target(name, inherited ? top.handler() : entry.handler(),
                    inherited ? Setting.parameter("handler", "fn.handler")
                            : Setting.ofFunction(name, "handler")));
        }
        if (top.name() == null) {
            return List.copyOf(targets);
        }
        for (FunctionTarget target : targets) {
            if (target.name().equals(top.name())) {
                return List.of(target);
            }
        }
        throw new FnFailureException(Setting.parameter("name", "fn.name").invalid(top.name(),
                "not one of the functions in <functions>",
                "use one of " + String.join(", ", names) + ", or leave it unset for all of them"));
    }

    /**
     * The function {@code fn:invoke} calls: {@code -Dfn.name} when set (any deployed function,
     * not only this project's), else the only {@code <function>} entry, else the artifactId.
     */
    public static String invocationName(String name, List<FunctionOptions> entries, String artifactId)
            throws FnFailureException {
        if (name != null && !name.isBlank()) {
            return checkName(name.strip(), Setting.parameter("name", "fn.name"));
        }
        if (entries.isEmpty()) {
            return defaultName(artifactId);
        }
        List<String> names = entries.stream().map(FunctionOptions::name).toList();
        if (entries.size() == 1 && names.get(0) != null) {
            return checkName(names.get(0), Setting.ofFunction(names.get(0), "name"));
        }
        throw new FnFailureException("<functions> configures " + entries.size() + " functions ("
                + String.join(", ", names.stream().map(String::valueOf).toList())
                + ") and none is chosen: set -Dfn.name to the one to invoke.");
    }

    /**
     * The functions {@code fn:delete} removes: {@code -Dfn.name} when set (any deployed function,
     * not only this project's), else every {@code <function>} entry, else the artifactId's.
     */
    public static List<String> projectNames(String name, List<FunctionOptions> entries, String artifactId)
            throws FnFailureException {
        if (name != null && !name.isBlank()) {
            return List.of(checkName(name.strip(), Setting.parameter("name", "fn.name")));
        }
        if (entries.isEmpty()) {
            return List.of(defaultName(artifactId));
        }
        Set<String> names = new LinkedHashSet<>();
        int index = 0;
        for (FunctionOptions entry : entries) {
            index++;
            if (entry.name() == null) {
                throw new FnFailureException("<function> #" + index + " in <functions> has no <name>:"
                        + " give it one, e.g. <name>greet</name>.");
            }
            names.add(checkName(entry.name(), Setting.ofFunction(entry.name(), "name")));
        }
        return List.copyOf(names);
    }

    private static String defaultName(String artifactId) throws FnFailureException {
        if (SpecFormat.isValidName(artifactId)) {
            return artifactId;
        }
        throw new FnFailureException("The function name defaults to the artifactId '" + artifactId
                + "', which is not a valid function name (" + SpecFormat.NAME_RULE
                + "): set <name> or -Dfn.name, e.g. -Dfn.name=" + suggestName(artifactId) + ".");
    }

    private static String checkName(String name, Setting setting) throws FnFailureException {
        if (!SpecFormat.isValidName(name)) {
            throw new FnFailureException(setting.invalid(name, "not a valid function name",
                    "use " + SpecFormat.NAME_RULE + ", e.g. " + suggestName(name)));
        }
        return name;
    }

    /** A valid name close to {@code value}: lower case, other characters turned into '-'. */
    static String suggestName(String value) {
        String s = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^[^a-z]+", "");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "hello" : s;
    }

    private static Checked check(FunctionOptions options, String function) throws FnFailureException {
        parse(options.timeout(), Setting.of(function, "timeout"), SpecFormat::parseTimeout,
                SpecFormat.TIMEOUT_FORMAT, "not a duration");
        parse(options.memory(), Setting.of(function, "memory"), SpecFormat::parseMemoryMegabytes,
                SpecFormat.MEMORY_FORMAT, "not a memory size");
        Double cpus = null;
        if (options.cpus() != null) {
            Setting setting = Setting.of(function, "cpus");
            try {
                cpus = SpecFormat.checkCpus(Double.parseDouble(options.cpus()));
            } catch (IllegalArgumentException e) {
                throw new FnFailureException(setting.invalid(options.cpus(),
                        e instanceof NumberFormatException ? "not a number" : "out of range",
                        "use a number of cores from 0.01 up, e.g. 0.5"));
            }
        }
        Integer concurrency = wholeNumber(options.concurrency(), Setting.of(function, "concurrency"),
                SpecFormat::checkConcurrency, "use 1 to 1000");
        return new Checked(options.timeout(), options.memory(), cpus, concurrency,
                checkEnv(options.env(), function), ScalingSettings.check(options.scaling(), function),
                bool(options.publicTrigger(), Setting.of(function, "public")));
    }

    private static Map<String, String> checkEnv(Map<String, String> env, String function)
            throws FnFailureException {
        Map<String, String> checked = new LinkedHashMap<>();
        if (env == null) {
            return checked;
        }
        Setting setting = function == null ? Setting.pomOnly("env") : Setting.ofFunction(function, "env");
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (name != null && name.startsWith("FN4J_")) {
                throw new FnFailureException(setting + " names the variable '" + name
                        + "', which is reserved for the platform: rename it so it does not start with FN4J_.");
            }
            try {
                SpecFormat.checkEnvName(name);
            } catch (IllegalArgumentException e) {
                throw new FnFailureException(setting + " names the variable '" + name
                        + "', not a valid variable name: " + e.getMessage() + ".");
            }
            checked.put(name, variable.getValue() == null ? "" : variable.getValue());
        }
        return checked;
    }

    /** Checked values of one options object. */
    private record Checked(String timeout, String memory, Double cpus, Integer concurrency,
            Map<String, String> env, Scaling scaling, Boolean publicTrigger) {

        FunctionTarget target(String name, String handler, Setting handlerSetting) {
            return new FunctionTarget(name, handler, handlerSetting, timeout, memory, cpus,
                    concurrency, env, scaling, publicTrigger);
        }
    }
}
