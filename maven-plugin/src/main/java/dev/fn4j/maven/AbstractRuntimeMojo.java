package dev.fn4j.maven;

import dev.fn4j.maven.core.ApiKey;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.FnFailureException;
import dev.fn4j.maven.core.RuntimeConnection;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the goals that call the fn4j runtime: where it runs, and where its API key
 * comes from ({@link ApiKeySource}).
 *
 * <p>{@code fn:build} inherits these without using them: Maven takes parameters (and their
 * {@code -D} properties) from a mojo's superclasses only, and {@code fn:deploy} needs both these
 * and the function settings, so the runtime sits below them in the one line of base classes.
 */
public abstract class AbstractRuntimeMojo extends AbstractFnMojo {

    /** The fn4j runtime's base URL; functions are served at {@code <url>/fn/<name>}. */
    @Parameter(property = "fn.url", defaultValue = "http://localhost:8080")
    private String url;

    /**
     * The id of the {@code <server>} in settings.xml whose {@code <password>} is the runtime's
     * API key (encrypted passwords work). The key is taken from {@code -Dfn.apiKey} first, then
     * from the {@code FN4J_API_KEY} environment variable, then from this server; none of them
     * set: calls carry no key. The key is sent as {@code Authorization: Bearer} and never printed.
     */
    @Parameter(property = "fn.serverId", defaultValue = "fn4j")
    private String serverId;

    /** The build's session, for the {@code fn.apiKey} property. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The user's settings, for the runtime's API key. */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    /** Decrypts encrypted passwords in settings.xml. */
    @Inject
    private SettingsDecrypter settingsDecrypter;

    /** The runtime at {@code fn.url}, called with the API key, which is redacted from then on. */
    protected final RuntimeConnection runtimeConnection() throws FnFailureException, FnExecutionException {
        ApiKey key = new ApiKeySource(session, settings, settingsDecrypter, serverId).find(output().log());
        redactFromNowOn(key);
        return RuntimeConnection.open(url, key);
    }
}
