package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import dev.fn4j.spec.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionViewTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private static JsonNode view(Settings settings) {
        FunctionSpec spec = new FunctionSpec("sha256:abc", "com.example.Hello", Map.of("A", "b"), settings);
        Function function = new Function("hello", 3, spec, AT, AT);
        return Json.MAPPER.valueToTree(FunctionView.of(function, List.of(), java.util.Optional.empty()));
    }

    @Test
    void showsEverySettingOfTheCatalogueInItsApiForm() {
        JsonNode json = view(Settings.DEFAULTS
                .with(Field.TIMEOUT, java.time.Duration.ofSeconds(10))
                .with(Field.RATE_LIMIT, new RateLimit(5, 10))
                .with(Field.DESCRIPTION, "greets")
                .with(Field.RETRIES, dev.fn4j.spec.RetryPolicy.of(3))
                .with(Field.SCHEDULE, "0 */5 * * * ?"));

        assertThat(json.get("name").asText()).isEqualTo("hello");
        assertThat(json.get("timeout").asText()).isEqualTo("10s");
        assertThat(json.get("memory").asText()).isEqualTo("256m");
        assertThat(json.get("tmpSize").asText()).isEqualTo("64m");
        assertThat(json.get("rateLimit").get("burst").asInt()).isEqualTo(10);
        assertThat(json.get("public").asBoolean()).isFalse();
        assertThat(json.get("description").asText()).isEqualTo("greets");
        assertThat(json.get("retries").asText()).isEqualTo("3");
        assertThat(json.get("maxBacklog").asInt()).isEqualTo(100_000);
        assertThat(json.get("schedule").asText()).isEqualTo("0 */5 * * * ?");
        assertThat(json.get("scheduleZone").asText()).isEqualTo("UTC");
        for (Field<?> field : Field.ALL) {
            if (field != Field.RATE_LIMIT && field != Field.DESCRIPTION) {
                assertThat(json.has(field.name())).as(field.name()).isTrue();
            }
        }
        assertThat(json.has("settings")).isFalse();
        assertThat(json.has("revisions")).isFalse();
    }

    @Test
    void leavesOutAnEmptyDescriptionAndAnUnsetRateLimit() {
        JsonNode json = view(Settings.DEFAULTS);

        assertThat(json.has("description")).isFalse();
        assertThat(json.has("rateLimit")).isFalse();
        assertThat(json.has("retries")).isFalse();
        assertThat(json.get("env").get("A").asText()).isEqualTo("b");
    }
}
