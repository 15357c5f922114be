package dev.fn4j.maven;

import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.GoalOutput;
import dev.fn4j.maven.core.KeyManager;
import dev.fn4j.maven.core.KeyRequest;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Manages the API keys of the fn4j runtime at {@code fn.url}, with an admin key. Lists them, one
 * aligned line each: id, name, scope, created, expires and last used. With
 * {@code -Dfn.createKey=NAME}, creates a key instead and prints it alone on standard output (with
 * {@code mvn -q} it is all that is printed), the only time it is shown; with
 * {@code -Dfn.deleteKey=ID}, revokes a key. Needs no project.
 */
@Mojo(name = "keys", requiresProject = false, threadSafe = true)
public class KeysMojo extends AbstractRuntimeMojo {

    /**
     * Creates an API key with this name, which says what the key is for, e.g. {@code ci}: 1 to
     * 100 characters.
     */
    @Parameter(property = "fn.createKey")
    private String createKey;

    /**
     * The scope of the key {@code fn.createKey} creates: {@code invoke} (call functions and read
     * their invocations) or {@code admin} (everything).
     */
    @Parameter(property = "fn.keyScope", defaultValue = "invoke")
    private String keyScope;

    /**
     * How long the key {@code fn.createKey} creates works: {@code <n>m}, {@code <n>h} or
     * {@code <n>d}, from 1m to 3650d, e.g. 30d. Unset, the key never expires.
     */
    @Parameter(property = "fn.keyExpiresIn")
    private String keyExpiresIn;

    /** Revokes the API key with this id, 12 lower-case hex digits as the list shows them. */
    @Parameter(property = "fn.deleteKey")
    private String deleteKey;

    @Override
    protected void run() throws FnFailureException, FnExecutionException {
        KeyRequest request = KeyRequest.of(createKey, keyScope, keyExpiresIn, deleteKey);
        GoalOutput out = output();
        KeyManager keys = new KeyManager(runtimeConnection(), out.log());
        if (request.createName() != null) {
            out.print(keys.create(request).key().getBytes(StandardCharsets.UTF_8), "the new API key");
        } else if (request.deleteId() != null) {
            keys.delete(request.deleteId());
        } else {
            keys.list();
        }
    }
}
