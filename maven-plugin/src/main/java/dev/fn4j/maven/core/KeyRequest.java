package dev.fn4j.maven.core;

import dev.fn4j.client.ApiKeyFormat;

/**
 * What {@code fn:keys} is asked to do, checked: create a key, delete one, or, with neither, list
 * them.
 *
 * @param createName the name of the key to create, or null
 * @param scope the new key's scope, {@code invoke} or {@code admin}
 * @param expiresIn how long the new key works, such as {@code 30d}, or null for ever
 * @param deleteId the id of the key to delete, or null
 */
public record KeyRequest(String createName, String scope, String expiresIn, String deleteId) {

    /** The name of the key to create. */
    public static final Setting CREATE = Setting.parameter("createKey", "fn.createKey");
    /** The new key's scope. */
    public static final Setting SCOPE = Setting.parameter("keyScope", "fn.keyScope");
    /** How long the new key works. */
    public static final Setting EXPIRES_IN = Setting.parameter("keyExpiresIn", "fn.keyExpiresIn");
    /** The id of the key to delete. */
    public static final Setting DELETE = Setting.parameter("deleteKey", "fn.deleteKey");

    /**
     * Checks the settings as the user wrote them; blank ones count as unset, and an unset scope
     * is {@code invoke}.
     *
     * @throws FnFailureException naming the setting and its value when one is bad, or when both
     *     {@code createKey} and {@code deleteKey} are set
     */
    public static KeyRequest of(String createKey, String keyScope, String keyExpiresIn, String deleteKey)
            throws FnFailureException {
        String name = blankToNull(createKey);
        String id = blankToNull(deleteKey);
        if (name != null && id != null) {
            throw new FnFailureException(CREATE + " and " + DELETE + " are both set ('" + name
                    + "' and '" + id + "'): keep only one of them, and create and delete keys in"
                    + " separate runs.");
        }
        String scope = blankToNull(keyScope);
        scope = scope == null ? ApiKeyFormat.INVOKE : scope;
        String expiresIn = blankToNull(keyExpiresIn);
        SettingChecks.parse(name, CREATE, ApiKeyFormat::checkName, ApiKeyFormat.NAME_RULE, "not an API key name");
        SettingChecks.parse(scope, SCOPE, ApiKeyFormat::checkScope, ApiKeyFormat.SCOPES, "not a scope");
        SettingChecks.parse(
                expiresIn, EXPIRES_IN, ApiKeyFormat::parseExpiresIn, ApiKeyFormat.EXPIRES_IN_FORMAT, "not a duration");
        if (id != null && !ApiKeyFormat.isValidId(id)) {
            throw new FnFailureException(
                    DELETE.invalid(id, "not an API key id", "use the id mvn fn:keys lists, " + ApiKeyFormat.ID_RULE));
        }
        return new KeyRequest(name, scope, expiresIn, id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
