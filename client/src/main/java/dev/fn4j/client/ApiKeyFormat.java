package dev.fn4j.client;

import dev.fn4j.spec.Durations;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules the runtime applies to API keys (docs/api.md), checked on the client side so that a
 * tool can reject a bad value before it calls. Each check throws an
 * {@link IllegalArgumentException} whose message says what is accepted, for example
 * {@code use invoke or admin}.
 */
public final class ApiKeyFormat {

    /** The scope that may call functions and read their invocations. */
    public static final String INVOKE = "invoke";
    /** The scope that may do everything. */
    public static final String ADMIN = "admin";
    /** The accepted scopes, in words. */
    public static final String SCOPES = INVOKE + " or " + ADMIN;
    /** The accepted expiry format, in words. */
    public static final String EXPIRES_IN_FORMAT = "<n>m, <n>h or <n>d, e.g. 30d";
    /** The name rule, in words. */
    public static final String NAME_RULE = "1 to 100 characters without control characters";
    /** The id rule, in words. */
    public static final String ID_RULE = "12 lower-case hex digits";

    private static final int MAX_NAME_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");
    private static final Duration MIN_EXPIRES_IN = Duration.ofMinutes(1);
    private static final Duration MAX_EXPIRES_IN = Duration.ofDays(3650);

    private ApiKeyFormat() {}

    /**
     * Checks a key's name, which says what the key is for; the runtime strips surrounding blanks.
     *
     * @throws IllegalArgumentException when it is blank, longer than 100 characters once
     *     stripped, or has control characters
     */
    public static String checkName(String name) {
        if (name == null
                || name.isBlank()
                || name.strip().length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("use " + NAME_RULE);
        }
        return name;
    }

    /**
     * Checks a scope.
     *
     * @throws IllegalArgumentException when it is not {@link #INVOKE} or {@link #ADMIN}
     */
    public static String checkScope(String scope) {
        if (!INVOKE.equals(scope) && !ADMIN.equals(scope)) {
            throw new IllegalArgumentException("use " + SCOPES);
        }
        return scope;
    }

    /**
     * Parses how long a new key lasts, such as {@code 30d}.
     *
     * @throws IllegalArgumentException when the value is not {@link #EXPIRES_IN_FORMAT} or is
     *     outside 1m to 3650d
     */
    public static Duration parseExpiresIn(String value) {
        Duration d = Durations.parse(value, Durations.LIFETIME_UNITS);
        if (d == null) {
            throw new IllegalArgumentException("use " + EXPIRES_IN_FORMAT);
        }
        if (d.compareTo(MIN_EXPIRES_IN) < 0 || d.compareTo(MAX_EXPIRES_IN) > 0) {
            throw new IllegalArgumentException("use 1m to 3650d");
        }
        return d;
    }

    /**
     * Whether {@code id} is a key's id ({@link #ID_RULE}), the part of {@code fn4j_<id>_<secret>}
     * that {@code GET /v1/keys} lists.
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Applies an {@link ApiKeyFormat} check, naming the argument and its value when it fails. */
    static void checkArgument(String argument, String value, Consumer<String> check) {
        try {
            check.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(argument + " is " + shown(value) + ": " + e.getMessage(), e);
        }
    }

    /** The value as a message quotes it: in quotes, or null. */
    static String shown(String argument) {
        return argument == null ? "null" : "'" + argument + "'";
    }
}
