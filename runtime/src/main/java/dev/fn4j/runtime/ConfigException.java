package dev.fn4j.runtime;

/** A runtime setting is malformed; the message names the option, the value and the rule. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
