package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An API key as the runtime describes it, without its secret. Times are ISO-8601 strings as the
 * runtime wrote them; a field the runtime did not send (older runtimes send no
 * {@code expiresAt} or {@code lastUsedAt}) is null.
 *
 * @param id the key's id, 12 lower-case hex digits; the key reads {@code fn4j_<id>_<secret>}
 * @param name what the key is for, for example {@code ci}
 * @param scope {@link ApiKeyFormat#INVOKE} or {@link ApiKeyFormat#ADMIN}
 * @param createdAt when the key was made
 * @param expiresAt when the key stops working, or null when it never does
 * @param lastUsedAt when the key last proved a call, or null when it never did
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyDescription(
        String id, String name, String scope, String createdAt, String expiresAt, String lastUsedAt) {}
