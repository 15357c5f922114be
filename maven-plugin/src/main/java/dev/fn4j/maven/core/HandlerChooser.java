package dev.fn4j.maven.core;

import dev.fn4j.image.HandlerInfo;
import dev.fn4j.image.HandlerScan;
import dev.fn4j.image.HandlerSelection;
import dev.fn4j.image.HandlerSelectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses each function's handler among the handlers a scan found, and explains a missing,
 * ambiguous or wrong choice in terms of the setting the user writes.
 */
public final class HandlerChooser {

    private static final String WRITE_ONE = "write a public class with a public no-argument"
            + " constructor that implements dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler"
            + " in src/main/java";

    private HandlerChooser() {}

    /**
     * Chooses the handler of every target.
     *
     * @param scan what the handler scan found
     * @param targets the functions to deploy
     * @param classesDir the scanned directory as the user knows it, for example
     *     {@code target/classes}
     * @throws FnFailureException when a target's handler is missing, ambiguous or not a handler
     */
    public static List<ChosenFunction> choose(HandlerScan scan, List<FunctionTarget> targets, String classesDir)
            throws FnFailureException {
        List<ChosenFunction> chosen = new ArrayList<>();
        for (FunctionTarget target : targets) {
            try {
                chosen.add(new ChosenFunction(target, HandlerSelection.select(scan, target.handler())));
            } catch (HandlerSelectionException e) {
                throw new FnFailureException(explain(e, target, scan.rejected(), classesDir), e);
            }
        }
        return List.copyOf(chosen);
    }

    private static String explain(
            HandlerSelectionException e, FunctionTarget target, Map<String, String> rejected, String classesDir) {
        List<String> found = e.candidates();
        Setting setting = target.handlerSetting();
        if (found.isEmpty()) {
            return noneFound(rejected, classesDir);
        }
        String list = String.join(", ", found);
        if (e.reason() == HandlerSelectionException.Reason.AMBIGUOUS) {
            String who = setting.function() == null
                    ? "none is chosen"
                    : "<function> '" + setting.function() + "' chooses none";
            return "Found " + found.size() + " handlers in " + classesDir + " and " + who + ": " + list + ". Set "
                    + setting.howToSet() + " to one of them.";
        }
        String requested = e.requested();
        String why = rejected.containsKey(requested)
                ? ", which cannot be a handler: it " + rejected.get(requested) + "."
                : ", but " + classesDir + " has no such handler.";
        String fix = rejected.containsKey(requested) ? "Fix the class, or set " : "Set ";
        return setting + " is '" + requested + "'" + why + " Handlers found: " + list + "."
                + didYouMean(requested, found) + " " + fix + setting.howToSet() + " to one of them.";
    }

    private static String noneFound(Map<String, String> rejected, String classesDir) {
        StringBuilder message = new StringBuilder("No handler found in " + classesDir + ".");
        if (!rejected.isEmpty()) {
            message.append(" These classes implement a handler interface but cannot be used: ")
                    .append(rejected.entrySet().stream()
                            .map(r -> r.getKey() + " (" + r.getValue() + ")")
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
        return message.append(" To deploy a function, ")
                .append(WRITE_ONE)
                .append('.')
                .toString();
    }

    /** A handler whose simple name is what the user wrote, as when the package was left out. */
    private static String didYouMean(String requested, List<String> found) {
        List<String> matches = found.stream()
                .filter(name -> name.endsWith("." + requested) || name.endsWith("$" + requested))
                .toList();
        return matches.size() == 1 ? " Did you mean " + matches.get(0) + "?" : "";
    }

    /** The class names of the scan's handlers, for the image's handlers label. */
    public static List<String> classNames(List<HandlerInfo> handlers) {
        return handlers.stream().map(HandlerInfo::className).toList();
    }
}
