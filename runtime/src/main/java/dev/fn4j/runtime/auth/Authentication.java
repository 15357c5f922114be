package dev.fn4j.runtime.auth;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.util.AttachmentKey;

/**
 * Decides whether a request's {@code Authorization} header proves a key whose scope covers what
 * its route needs: none, an invalid or an expired one → 401 {@code unauthorized}, too narrow →
 * 403 {@code forbidden}. Keys come as {@code Authorization: Bearer <key>}. Checking blocks when
 * the key is not cached yet (a database read), so it then runs on a worker thread; {@link
 * #checkFromMemory} says when it would.
 */
public final class Authentication {

    /** The key a request was let through with; absent on requests that needed none. */
    public static final AttachmentKey<ApiKey> CALLER = AttachmentKey.create(ApiKey.class);

    /** The answer to a request with a key: let it through, or refuse it. */
    public sealed interface Verdict {}

    /** The key works and covers the scope. */
    public record Allowed(ApiKey key) implements Verdict {}

    /**
     * The request is refused with {@code error}.
     *
     * @param challenge the {@code WWW-Authenticate} header to answer with, or null for none
     */
    public record Refused(ApiException error, String challenge) implements Verdict {}

    private final ApiKeys keys;

    public Authentication(ApiKeys keys) {
        this.keys = keys;
    }

    /** Whether the header's key covers {@code required}; blocks on the database (not cached). */
    public Verdict check(String authorization, Scope required) {
        return check(authorization, required, true);
    }

    /**
     * As {@link #check}, from memory only, so that it may run on an IO thread: null when the key
     * is not cached yet and the check must run where it may block.
     */
    public Verdict checkFromMemory(String authorization, Scope required) {
        return check(authorization, required, false);
    }

    private Verdict check(String authorization, Scope required, boolean mayReadStore) {
        String presented = bearer(authorization);
        if (presented == null) {
            return new Refused(
                    new ApiException(
                            ErrorCode.UNAUTHORIZED,
                            "this endpoint needs an"
                                    + " API key with scope " + required.wireName() + ": send it as"
                                    + " 'Authorization: Bearer <key>' (mvn: -Dfn.apiKey or a settings.xml"
                                    + " <server>)"),
                    "Bearer realm=\"fn4j\"");
        }
        KeyCheck check = mayReadStore ? keys.authenticate(presented) : keys.authenticateFromMemory(presented);
        if (check == null) {
            return null;
        }
        if (check instanceof KeyCheck.Expired expired) {
            return invalidToken("API key '" + expired.key().id() + "' expired at "
                    + expired.key().expiresAt() + "; create a new one with POST /v1/keys");
        }
        if (!(check instanceof KeyCheck.Valid valid)) {
            return invalidToken("the API key is not valid: it is unknown, revoked or mistyped");
        }
        ApiKey key = valid.key();
        if (!key.scope().covers(required)) {
            return new Refused(
                    new ApiException(
                            ErrorCode.FORBIDDEN,
                            "API key '" + key.id()
                                    + "' has scope " + key.scope().wireName() + ", and this endpoint needs "
                                    + required.wireName()),
                    null);
        }
        return new Allowed(key);
    }

    /** Refuses a presented key that does not work (RFC 6750's {@code invalid_token}). */
    private static Refused invalidToken(String message) {
        return new Refused(
                new ApiException(ErrorCode.UNAUTHORIZED, message), "Bearer realm=\"fn4j\", error=\"invalid_token\"");
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? null : key;
    }
}
