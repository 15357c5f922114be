package dev.fn4j.maven;

import dev.fn4j.maven.core.ApiKey;
import dev.fn4j.maven.core.FnExecutionException;
import dev.fn4j.maven.core.GoalLog;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the runtime's API key where a Maven build has it: {@code -Dfn.apiKey}, else the
 * {@code FN4J_API_KEY} environment variable, else the {@code <password>} of the settings.xml
 * {@code <server>} named by {@code fn.serverId}, decrypted. The order is {@link ApiKey}'s.
 *
 * <p>{@code fn.apiKey} is read from the user and system properties on purpose rather than
 * injected as a parameter: Maven prints every parameter's value with {@code -X}, and the key must
 * never be printed.
 */
final class ApiKeySource {

    private final MavenSession session;
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final String serverId;

    ApiKeySource(MavenSession session, Settings settings, SettingsDecrypter decrypter, String serverId) {
        this.session = session;
        this.settings = settings;
        this.decrypter = decrypter;
        this.serverId = serverId;
    }

    /** The key, or {@link ApiKey#none} when none is set; says which at debug level. */
    ApiKey find(GoalLog log) throws FnExecutionException {
        String property = session.getUserProperties()
                .getProperty(ApiKey.PROPERTY, session.getSystemProperties().getProperty(ApiKey.PROPERTY));
        ApiKey key = ApiKey.resolve(property, System.getenv(ApiKey.ENVIRONMENT), serverId, this::settingsPassword);
        log.debug(
                key.isPresent()
                        ? "Calling the runtime with " + key + "."
                        : "No API key (-Dfn.apiKey, FN4J_API_KEY or settings.xml <server> '" + serverId
                                + "'): calling the runtime without one.");
        return key;
    }

    private String settingsPassword() throws FnExecutionException {
        Server server = settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new FnExecutionException(
                        "Cannot decrypt the password of <server> '" + serverId + "' in settings.xml: "
                                + problem.getMessage(),
                        problem.getException());
            }
        }
        return result.getServer().getPassword();
    }
}
