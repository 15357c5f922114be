package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSpecJsonTest {

    private static final FunctionSpec FULL = new FunctionSpec(
            "sha256:abc",
            "com.example.Hello",
            Duration.ofMillis(1500),
            1024L * 1024 * 1024,
            0.5,
            4,
            Map.of("B", "2", "A", "1 ' \" ;"),
            new FunctionSpec.Scaling(1, 3, Duration.ofMinutes(2), 7),
            new RateLimit(5, 9),
            true);

    @Test
    void aFullSpecSurvivesTheRoundTrip() {
        assertThat(FunctionSpecJson.read(FunctionSpecJson.write(FULL))).isEqualTo(FULL);
    }

    @Test
    void aSpecWithoutRateLimitSurvivesTheRoundTrip() {
        FunctionSpec plain = new FunctionSpec(
                "img:1",
                "H",
                Duration.ofSeconds(30),
                256L * 1024 * 1024,
                1.0,
                1,
                Map.of(),
                FunctionSpec.Scaling.DEFAULT,
                null,
                false);
        String json = FunctionSpecJson.write(plain);
        assertThat(json).doesNotContain("rateLimit");
        assertThat(FunctionSpecJson.read(json)).isEqualTo(plain);
    }

    @Test
    void writesThePutFormatSoTheParserReadsItToo() throws Exception {
        String json = FunctionSpecJson.write(FULL);
        assertThat(json)
                .contains(
                        "\"timeout\":\"1500ms\"",
                        "\"memory\":\"1g\"",
                        "\"idleTimeout\":\"2m\"",
                        "\"rateLimit\":{\"perSecond\":5,\"burst\":9}");
        assertThat(new FunctionSpecParser(8).parse(new ObjectMapper().readTree(json)))
                .isEqualTo(FULL);
    }

    @Test
    void aRevisionStoredBeforeFunctionsCouldBePublicReadsAsNotPublic() {
        String json = FunctionSpecJson.write(FULL).replace(",\"public\":true", "");
        assertThat(json).doesNotContain("public");
        assertThat(FunctionSpecJson.read(json).publicTrigger()).isFalse();
    }

    @Test
    void aDescriptionSurvivesTheRoundTripAndOlderRevisionsHaveNone() {
        FunctionSpec described = new FunctionSpec(
                FULL.image(), FULL.handler(), FULL.env(), FULL.settings().with(Field.DESCRIPTION, "Greets people"));
        assertThat(FunctionSpecJson.read(FunctionSpecJson.write(described))).isEqualTo(described);
        String older = FunctionSpecJson.write(FULL).replace(",\"description\":\"\"", "");
        assertThat(older).doesNotContain("description");
        assertThat(FunctionSpecJson.read(older).settings().get(Field.DESCRIPTION))
                .isEmpty();
    }

    @Test
    void aDamagedSpecNamesTheField() {
        assertThatThrownBy(() -> FunctionSpecJson.read("{\"image\":\"x\",\"handler\":\"H\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"timeout\"");
        assertThatThrownBy(() -> FunctionSpecJson.read("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }
}
