package dev.fn4j.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses the handler a build is for, from the scan's findings and the name the user gave (if
 * any), so a missing or wrong handler fails the build before any image is made.
 */
public final class HandlerSelection {

    private static final String INTERFACES = "dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler";

    private HandlerSelection() {}

    /**
     * Selects from a detailed scan, so a rejected class's reason can be named.
     *
     * @param requested the requested class name; null or blank means "the only one"
     */
    public static HandlerInfo select(HandlerScan scan, String requested) throws HandlerSelectionException {
        return select(scan.handlers(), requested, scan.classesDir(), scan.rejected());
    }

    /**
     * Selects from the handlers found in {@code classesDir}.
     *
     * @param requested the requested class name; null or blank means "the only one"
     */
    public static HandlerInfo select(List<HandlerInfo> found, String requested, Path classesDir)
            throws HandlerSelectionException {
        return select(found, requested, classesDir, Map.of());
    }

    private static HandlerInfo select(
            List<HandlerInfo> found, String requested, Path classesDir, Map<String, String> rejected)
            throws HandlerSelectionException {
        List<String> candidates =
                found.stream().map(HandlerInfo::className).sorted().toList();
        String name = requested == null || requested.isBlank() ? null : requested.strip();
        if (name == null) {
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.isEmpty()) {
                throw new HandlerSelectionException(
                        HandlerSelectionException.Reason.NONE_FOUND,
                        null,
                        candidates,
                        "no class implementing " + INTERFACES + " in " + classesDir);
            }
            throw new HandlerSelectionException(
                    HandlerSelectionException.Reason.AMBIGUOUS,
                    null,
                    candidates,
                    found.size() + " handlers found and none named; choose one of " + String.join(", ", candidates));
        }
        for (HandlerInfo handler : found) {
            // Accept the source spelling of a nested class (Outer.Inner) as well as Outer$Inner.
            if (handler.className().equals(name)
                    || handler.className().replace('$', '.').equals(name)) {
                return handler;
            }
        }
        String why = rejected.containsKey(name)
                ? "it implements " + INTERFACES + " but " + rejected.get(name)
                : "no such class implementing " + INTERFACES + " in " + classesDir;
        String choices = candidates.isEmpty() ? "there are no handlers" : "handlers: " + String.join(", ", candidates);
        throw new HandlerSelectionException(
                HandlerSelectionException.Reason.NOT_A_HANDLER,
                name,
                candidates,
                "'" + name + "' is not a usable handler: " + why + "; " + choices);
    }
}
