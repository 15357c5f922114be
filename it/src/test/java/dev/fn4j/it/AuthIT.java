package dev.fn4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's API keys as fn:deploy and fn:invoke see them: where a key comes from, what a
 * refusal says, and that no build prints one.
 */
class AuthIT {

    @RegisterExtension
    static final EndToEnd e2e = new EndToEnd();

    private static final String ADA = "{\"name\":\"Ada\"}";
    private static final String WHERE_TO_SET =
            "-Dfn.apiKey, FN4J_API_KEY or a settings.xml <server>" + " with id 'fn4j' (its <password>)";

    @TempDir
    static Path settingsDir;

    private static Path guarded;

    /** A key created with {@code POST /v1/keys}: its id and the key itself. */
    private record CreatedKey(String id, String key) {}

    @BeforeAll
    static void generateAProject() {
        guarded = e2e.generate("guarded");
    }

    @Test
    void aDeployWithoutAKeyFailsSayingWhereToSetOne() throws Exception {
        e2e.mvnWithKey(
                        "",
                        guarded,
                        "deploy-without-key",
                        "fn:deploy",
                        "-Dfn.name=keyless",
                        "-s",
                        settings("no-server.xml", "<settings/>").toString())
                .assertFailedWith(failure(
                        "deploy",
                        "The fn4j runtime at " + e2e.url()
                                + " needs an API key, and none is set (unauthorized: this endpoint needs an API"
                                + " key with scope admin: send it as 'Authorization: Bearer <key>' (mvn:"
                                + " -Dfn.apiKey or a settings.xml <server>)): set one with " + WHERE_TO_SET + "."));
    }

    @Test
    void theSettingsServerPasswordIsTheKeyAndIsNeverPrinted() throws Exception {
        Path settings = settings("fn4j-server.xml", """
                <settings>
                  <servers>
                    <server>
                      <id>fn4j</id>
                      <password>%s</password>
                    </server>
                  </servers>
                </settings>
                """.formatted(e2e.adminKey()));

        Mvn.Result deploy = e2e.mvnWithKey(
                        "",
                        guarded,
                        "deploy-with-settings-key",
                        "-X",
                        "fn:deploy",
                        "-Dfn.name=from-settings",
                        "-s",
                        settings.toString())
                .assertSucceeded();

        assertThat(deploy.output())
                .contains("[DEBUG] Calling the runtime with the API key from the settings.xml <server> 'fn4j'.")
                .contains("[INFO] Deployed from-settings revision 1 (new function) in ")
                .doesNotContain(secret(e2e.adminKey()));
        assertThat(e2e.post("/fn/from-settings", ADA).body()).contains("Hello, Ada!");
    }

    @Test
    void anInvokeKeyInvokesButCannotDeploy() throws Exception {
        e2e.mvn(guarded, "deploy-with-admin-key", "fn:deploy", "-Dfn.name=invoked")
                .assertSucceeded();
        CreatedKey invokeKey = createInvokeKey();
        assertThat(e2e.mvn(guarded, "list-keys", "fn:keys").assertSucceeded().output())
                .containsPattern("\\[INFO\\]   " + invokeKey.id() + "  ci +invoke ");

        Mvn.Result invoke = e2e.mvnWithKey(
                        invokeKey.key(),
                        guarded,
                        "invoke-with-invoke-key",
                        "-X",
                        "fn:invoke",
                        "-Dfn.name=invoked",
                        "-Dfn.data=" + ADA)
                .assertSucceeded();
        Mvn.Result deploy = e2e.mvnWithKey(
                        invokeKey.key(), guarded, "deploy-with-invoke-key", "fn:deploy", "-Dfn.name=invoked")
                .assertFailedWith(failure(
                        "deploy",
                        "The fn4j runtime at " + e2e.url()
                                + " refused to upload images (forbidden: API key '" + invokeKey.id()
                                + "' has scope invoke, and this endpoint needs admin): the key's scope does not"
                                + " allow it (the API key from FN4J_API_KEY). Use a key whose scope does, set with "
                                + WHERE_TO_SET + "."));

        assertThat(invoke.output())
                .contains("[DEBUG] Calling the runtime with the API key from FN4J_API_KEY.")
                .contains("{\"message\":\"Hello, Ada!\"}")
                .doesNotContain(secret(invokeKey.key()));
        assertThat(deploy.output()).doesNotContain(secret(invokeKey.key()));
    }

    /** {@code mvn -q fn:keys -Dfn.createKey=ci} with the admin key: prints the new key alone. */
    private static CreatedKey createInvokeKey() {
        Mvn.Result created = e2e.mvn(
                        guarded, "create-invoke-key", "-q", "fn:keys", "-Dfn.createKey=ci", "-Dfn.keyExpiresIn=1d")
                .assertSucceeded();
        assertThat(created.stdout())
                .as(created.describe("printed more than the key"))
                .hasSize(1);
        String key = created.stdout().get(0).replaceAll("\u001B\\[[0-9;]*m", "").strip();
        Matcher id = Pattern.compile("fn4j_([0-9a-f]{12})_[A-Za-z0-9_-]{43}").matcher(key);
        assertThat(id.matches()).as("fn:keys printed %s", key).isTrue();
        return new CreatedKey(id.group(1), key);
    }

    /** The part of a key in fn4j's format after {@code fn4j_<12 hex>_}: printing it leaks the key. */
    private static String secret(String key) {
        assertThat(key).matches("fn4j_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        return key.substring("fn4j_".length() + 13);
    }

    /** Writes a user settings.xml, for {@code mvn -s}. */
    private static Path settings(String name, String xml) throws Exception {
        Path file = settingsDir.resolve(name);
        Projects.write(file, xml);
        return file;
    }

    /** The line Maven prints when a goal fails on the project guarded with the message. */
    private static String failure(String goal, String message) {
        return EndToEnd.goalFailure("guarded", goal, message);
    }
}
