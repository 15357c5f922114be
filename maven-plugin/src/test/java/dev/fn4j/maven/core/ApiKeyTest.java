package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private final AtomicInteger settingsReads = new AtomicInteger();

    private ApiKey.SettingsPassword settings(String password) {
        return () -> {
            settingsReads.incrementAndGet();
            return password;
        };
    }

    @Test
    void thePropertyComesFirst() throws Exception {
        ApiKey key = ApiKey.resolve("from-property", "from-env", "fn4j", settings("from-settings"));
        assertThat(key.value()).isEqualTo("from-property");
        assertThat(key.source()).isEqualTo("-Dfn.apiKey");
        assertThat(settingsReads).hasValue(0);
    }

    @Test
    void thenTheEnvironment() throws Exception {
        ApiKey key = ApiKey.resolve(null, "from-env", "fn4j", settings("from-settings"));
        assertThat(key.value()).isEqualTo("from-env");
        assertThat(key.source()).isEqualTo("FN4J_API_KEY");
        assertThat(settingsReads).hasValue(0);
        assertThat(ApiKey.resolve("  ", "from-env", "fn4j", settings(null)).value())
                .isEqualTo("from-env");
    }

    @Test
    void thenTheSettingsServer() throws Exception {
        ApiKey key = ApiKey.resolve("", " ", "prod", settings("from-settings"));
        assertThat(key.value()).isEqualTo("from-settings");
        assertThat(key.source()).isEqualTo("the settings.xml <server> 'prod'");
        assertThat(key.whereToSet())
                .isEqualTo("-Dfn.apiKey, FN4J_API_KEY or a settings.xml <server> with id 'prod' (its <password>)");
    }

    @Test
    void elseNone() throws Exception {
        ApiKey key = ApiKey.resolve(null, null, "fn4j", settings(null));
        assertThat(key.isPresent()).isFalse();
        assertThat(key.value()).isNull();
        assertThat(key).hasToString("no API key");
    }

    @Test
    void aSettingsFailureIsPassedOn() {
        assertThatThrownBy(() -> ApiKey.resolve(null, null, "fn4j", () -> {
                    throw new FnExecutionException("Cannot decrypt", null);
                }))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("Cannot decrypt");
    }

    @Test
    void neverShowsItsValue() {
        ApiKey key = ApiKey.of("s3cr3t-key", "FN4J_API_KEY", "fn4j");
        assertThat(key.toString()).isEqualTo("the API key from FN4J_API_KEY").doesNotContain("s3cr3t");
        assertThat(key.redact("bad key 's3cr3t-key' (s3cr3t-key)")).isEqualTo("bad key '****' (****)");
        assertThat(key.appearsIn("x s3cr3t-key y")).isTrue();
        assertThat(key.appearsIn("nothing")).isFalse();
        assertThat(key.redact(null)).isNull();
        assertThat(ApiKey.none("fn4j").redact("text")).isEqualTo("text");
    }
}
