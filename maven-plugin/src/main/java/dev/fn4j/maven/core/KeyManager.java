package dev.fn4j.maven.core;

import dev.fn4j.client.ApiKeyDescription;
import dev.fn4j.client.CreatedApiKey;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClientException;
import java.util.ArrayList;
import java.util.List;

/** Lists, creates and revokes the runtime's API keys ({@code fn:keys}). */
public final class KeyManager {

    private final RuntimeConnection connection;
    private final GoalLog log;

    /** A manager that works through {@code connection} and reports to {@code log}. */
    public KeyManager(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.log = log;
    }

    /**
     * Logs the keys, one aligned line each, in the runtime's order: id, name, scope, when it was
     * made, when it expires ({@code never}) and when it was last used ({@code -} for never).
     *
     * @return the keys
     */
    public List<ApiKeyDescription> list() throws FnFailureException, FnExecutionException {
        List<ApiKeyDescription> keys;
        try {
            keys = connection.client().listKeys();
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "list API keys");
            throw RuntimeConnection.rejected(
                    api,
                    "The fn4j runtime at " + connection.display() + " did not list its API keys: " + api.code() + ": "
                            + api.errorMessage());
        }
        log.info(keys.size() + (keys.size() == 1 ? " key" : " keys") + " on " + connection.display() + ":");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "SCOPE", "CREATED", "EXPIRES", "LAST USED"});
        for (ApiKeyDescription key : keys) {
            rows.add(new String[] {
                key.id(),
                key.name(),
                key.scope(),
                key.createdAt(),
                key.expiresAt() == null ? "never" : key.expiresAt(),
                key.lastUsedAt() == null ? "-" : key.lastUsedAt()
            });
        }
        for (String line : Columns.align(rows)) {
            log.info("  " + line);
        }
        return keys;
    }

    /**
     * Creates the key the request names and logs its id, scope and expiry, never the key itself:
     * that is for the caller to hand over, this once.
     *
     * @throws FnFailureException when the runtime rejects the name, scope or expiry
     */
    public CreatedApiKey create(KeyRequest request) throws FnFailureException, FnExecutionException {
        String name = request.createName();
        CreatedApiKey created;
        try {
            created = connection.client().createKey(name, request.scope(), request.expiresIn());
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "create API key '" + name + "'");
            throw RuntimeConnection.rejected(
                    api,
                    "The fn4j runtime at " + connection.display() + " did not create API key '" + name + "': "
                            + api.code() + ": " + api.errorMessage());
        }
        ApiKeyDescription key = created.description();
        log.info("Created API key " + key.id() + " '" + key.name() + "' on " + connection.display()
                + ": scope " + key.scope() + ", "
                + (key.expiresAt() == null ? "never expires" : "expires " + key.expiresAt()) + ".");
        log.info("This is the only time the key is shown; keep it in a settings.xml <server> or a" + " secret store.");
        return created;
    }

    /**
     * Revokes the key; it stops working at once.
     *
     * @throws FnFailureException when the runtime has no such key, or it is the only admin key
     */
    public void delete(String id) throws FnFailureException, FnExecutionException {
        try {
            connection.client().deleteKey(id);
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "delete API key '" + id + "'");
            if (api.code().equals("key_not_found")) {
                throw new FnFailureException(
                        "No API key '" + id + "' on " + connection.display() + ": list them with mvn fn:keys.", api);
            }
            String message = "The fn4j runtime at " + connection.display() + " did not delete API key '" + id + "': "
                    + api.code() + ": " + api.errorMessage();
            if (api.code().equals("last_admin_key")) {
                throw new FnFailureException(
                        message + ". Create another admin key first with mvn"
                                + " fn:keys -Dfn.createKey=<name> -Dfn.keyScope=admin, then delete this one.",
                        api);
            }
            throw RuntimeConnection.rejected(api, message);
        }
        log.info("Deleted API key " + id + ".");
    }
}
