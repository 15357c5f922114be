package dev.fn4j.maven.core;

import dev.fn4j.maven.core.SpecSettings.Checked;
import dev.fn4j.spec.FunctionNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    public static List<FunctionTarget> resolve(FunctionOptions top, List<FunctionOptions> entries, String artifactId)
            throws FnFailureException {
        Checked defaults = SpecSettings.check(top, null);
        if (entries.isEmpty()) {
            String name = top.name() != null
                    ? checkName(top.name(), Setting.parameter("name", "fn.name"))
                    : defaultName(artifactId);
            return List.of(target(defaults, name, top.handler(), Setting.parameter("handler", "fn.handler")));
        }
        List<FunctionTarget> targets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int index = 0;
        for (FunctionOptions entry : entries) {
            String name = requireName(entry, ++index);
            if (!FunctionNames.isValid(name)) {
                throw new FnFailureException("<name> of <function> #" + index + " in <functions> is '"
                        + name + "', not a valid function name: use " + FunctionNames.RULE
                        + ", e.g. " + FunctionNames.suggest(name) + ".");
            }
            if (!names.add(name)) {
                throw new FnFailureException(
                        "<functions> has two entries named '" + name + "': give each <function> its own <name>.");
            }
            Checked merged = SpecSettings.inherit(SpecSettings.check(entry, name), name, defaults);
            // Blame the top-level <handler> only when the entry inherits a value from it.
            boolean inherited = entry.handler() == null && top.handler() != null;
            targets.add(target(
                    merged,
                    name,
                    inherited ? top.handler() : entry.handler(),
                    inherited ? Setting.parameter("handler", "fn.handler") : Setting.ofFunction(name, "handler")));
        }
        if (top.name() == null) {
            return List.copyOf(targets);
        }
        for (FunctionTarget target : targets) {
            if (target.name().equals(top.name())) {
                return List.of(target);
            }
        }
        throw new FnFailureException(Setting.parameter("name", "fn.name")
                .invalid(
                        top.name(),
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
            String entryName = requireName(entry, ++index);
            names.add(checkName(entryName, Setting.ofFunction(entryName, "name")));
        }
        return List.copyOf(names);
    }

    private static String defaultName(String artifactId) throws FnFailureException {
        if (FunctionNames.isValid(artifactId)) {
            return artifactId;
        }
        throw new FnFailureException("The function name defaults to the artifactId '" + artifactId
                + "', which is not a valid function name (" + FunctionNames.RULE
                + "): set <name> or -Dfn.name, e.g. -Dfn.name=" + FunctionNames.suggest(artifactId) + ".");
    }

    private static String checkName(String name, Setting setting) throws FnFailureException {
        if (!FunctionNames.isValid(name)) {
            throw new FnFailureException(setting.invalid(
                    name,
                    "not a valid function name",
                    "use " + FunctionNames.RULE + ", e.g. " + FunctionNames.suggest(name)));
        }
        return name;
    }

    private static FunctionTarget target(Checked checked, String name, String handler, Setting handlerSetting) {
        return new FunctionTarget(name, handler, handlerSetting, checked.env(), checked.settings());
    }

    /** The name of the {@code index}th (from 1) {@code <function>}, which it must have. */
    private static String requireName(FunctionOptions entry, int index) throws FnFailureException {
        if (entry.name() == null) {
            throw new FnFailureException("<function> #" + index + " in <functions> has no <name>:"
                    + " give it one, e.g. <name>greet</name>.");
        }
        return entry.name();
    }
}
