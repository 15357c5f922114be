package dev.fn4j.maven.core;

/**
 * The runtime's API key and where it came from, first found wins: the {@code fn.apiKey} property
 * ({@code -Dfn.apiKey}), the {@code FN4J_API_KEY} environment variable, then the
 * {@code <password>} of the settings.xml {@code <server>} named by {@code fn.serverId}. The value
 * is never part of a message or log line: {@link #toString()} names the source only, and
 * {@link #redact(String)} blanks it out of any text that came from elsewhere.
 */
public final class ApiKey {

    /** The property that sets the key, {@code -Dfn.apiKey}. */
    public static final String PROPERTY = "fn.apiKey";
    /** The environment variable that sets the key. */
    public static final String ENVIRONMENT = "FN4J_API_KEY";
    /** What a key is replaced by in text. */
    public static final String MASK = "****";
    /** Keys shorter than this are not searched for in text, which they would mangle. */
    private static final int MIN_REDACTED_LENGTH = 4;

    /** Reads the password of the settings.xml server; null when there is no such server. */
    @FunctionalInterface
    public interface SettingsPassword {
        /** The password, or null when settings.xml has no such server. */
        String password() throws FnExecutionException;
    }

    private final String value;
    private final String source;
    private final String serverId;

    private ApiKey(String value, String source, String serverId) {
        this.value = value;
        this.source = source;
        this.serverId = serverId;
    }

    /**
     * Finds the key.
     *
     * @param property the value of {@code -Dfn.apiKey}, or null
     * @param environment the value of {@code FN4J_API_KEY}, or null
     * @param serverId the settings.xml server id ({@code fn.serverId})
     * @param settings reads that server's password; asked only when neither of the others is set
     */
    public static ApiKey resolve(String property, String environment, String serverId, SettingsPassword settings)
            throws FnExecutionException {
        if (isSet(property)) {
            return new ApiKey(property.strip(), "-D" + PROPERTY, serverId);
        }
        if (isSet(environment)) {
            return new ApiKey(environment.strip(), ENVIRONMENT, serverId);
        }
        String password = settings.password();
        if (isSet(password)) {
            return new ApiKey(password, "the settings.xml <server> '" + serverId + "'", serverId);
        }
        return none(serverId);
    }

    /** No key: calls carry no {@code Authorization} header. */
    public static ApiKey none(String serverId) {
        return new ApiKey(null, null, serverId);
    }

    /** A key given directly, for tests and tools; {@code source} says where it came from. */
    public static ApiKey of(String value, String source, String serverId) {
        return isSet(value) ? new ApiKey(value, source, serverId) : none(serverId);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The key, or null when there is none. Never to be logged. */
    public String value() {
        return value;
    }

    /** Whether there is a key. */
    public boolean isPresent() {
        return value != null;
    }

    /** Where the key came from, e.g. {@code FN4J_API_KEY}; null when there is none. */
    public String source() {
        return source;
    }

    /** The ways to set a key, for messages. */
    public String whereToSet() {
        return "-D" + PROPERTY + ", " + ENVIRONMENT + " or a settings.xml <server> with id '" + serverId
                + "' (its <password>)";
    }

    /** {@code text} with every occurrence of the key replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || value == null || value.length() < MIN_REDACTED_LENGTH) {
            return text;
        }
        return text.replace(value, MASK);
    }

    /** Whether {@code text} contains the key. */
    public boolean appearsIn(String text) {
        return text != null && value != null && value.length() >= MIN_REDACTED_LENGTH && text.contains(value);
    }

    /** Names the source, never the value. */
    @Override
    public String toString() {
        return value == null ? "no API key" : "the API key from " + source;
    }
}
