package dev.fn4j.image;

import java.util.List;

/**
 * Build-time handler selection failed; carries the requested name and the candidates so a caller
 * (the Maven plugin) can rephrase the message with the property the user sets.
 */
public final class HandlerSelectionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why no handler could be chosen. */
    public enum Reason {
        /** The classes contain no handler at all. */
        NONE_FOUND,
        /** Several handlers and none was named. */
        AMBIGUOUS,
        /** A name was given that is not one of the handlers. */
        NOT_A_HANDLER
    }

    private final Reason reason;
    /** The name the user asked for; null when none was given. */
    private final String requested;
    /** The usable handlers' class names, sorted; may be empty. */
    private final List<String> candidates;

    public HandlerSelectionException(Reason reason, String requested, List<String> candidates, String message) {
        super(message);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
        this.requested = requested;
        this.candidates = List.copyOf(candidates);
    }

    public Reason reason() {
        return reason;
    }

    /** The requested handler name, or null when none was given. */
    public String requested() {
        return requested;
    }

    /** The class names of the handlers that were found, sorted. */
    public List<String> candidates() {
        return candidates;
    }
}
