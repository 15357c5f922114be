package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.Field;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSpecParserTest {

    private final FunctionSpecParser parser = new FunctionSpecParser(2);

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private String rejection(String body) throws Exception {
        JsonNode node = json(body);
        try {
            parser.parse(node);
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SPEC);
            return e.getMessage();
        }
        throw new AssertionError("expected " + body + " to be rejected");
    }

    @Test
    void appliesDefaultsToAMinimalSpec() throws Exception {
        FunctionSpec spec = parser.parse(json("{\"image\":\"sha256:1\"}"));
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.memoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(spec.cpus()).isEqualTo(1.0);
        assertThat(spec.concurrency()).isEqualTo(16);
        assertThat(spec.handler()).isEmpty();
        assertThat(spec.scaling()).isEqualTo(FunctionSpec.Scaling.DEFAULT);
        assertThat(spec.publicTrigger()).isFalse();
    }

    @Test
    void readsEveryField() throws Exception {
        FunctionSpec spec = parser.parse(json("{\"image\":\"i\",\"handler\":\"a.b.C\","
                + "\"timeout\":\"1500ms\",\"memory\":\"1g\",\"cpus\":0.5,\"concurrency\":4,"
                + "\"env\":{\"GREETING\":\"hi\"},\"minInstances\":1,\"maxInstances\":3,"
                + "\"idleTimeout\":\"2m\",\"maxQueue\":7,\"public\":true}"));
        assertThat(spec.publicTrigger()).isTrue();
        assertThat(spec.handler()).isEqualTo("a.b.C");
        assertThat(spec.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(spec.memoryBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(spec.cpus()).isEqualTo(0.5);
        assertThat(spec.concurrency()).isEqualTo(4);
        assertThat(spec.env()).isEqualTo(Map.of("GREETING", "hi"));
        assertThat(spec.scaling()).isEqualTo(new FunctionSpec.Scaling(1, 3, Duration.ofMinutes(2), 7));
    }

    @Test
    void rejectsAMissingImage() throws Exception {
        assertThat(rejection("{}")).isEqualTo("\"image\" is required: the id that POST /v1/images returned");
    }

    @Test
    void rejectsAMalformedTimeoutNamingTheFormat() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"timeout\":\"abc\"}"))
                .isEqualTo("\"timeout\" must be <n>ms, <n>s or <n>m, for example 30s, from 1ms to 15m: 'abc'");
        assertThat(rejection("{\"image\":\"i\",\"timeout\":\"16m\"}")).contains("'16m'");
    }

    @Test
    void rejectsMemoryOutsideTheRange() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"memory\":\"lots\"}"))
                .isEqualTo("\"memory\" must be <n>m or <n>g, for example 256m, from 64m to 16g: 'lots'");
        assertThat(rejection("{\"image\":\"i\",\"memory\":\"32m\"}")).contains("'32m'");
    }

    @Test
    void rejectsCpusBeyondTheMachine() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"cpus\":3}")).isEqualTo("\"cpus\" must be a number from 0.01 to 2: 3");
    }

    @Test
    void rejectsMinInstancesAboveMax() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"minInstances\":3,\"maxInstances\":2}"))
                .isEqualTo("\"minInstances\" must be a whole number from 0 to 2: 3");
    }

    @Test
    void rejectsUnknownFieldsListingTheKnownOnes() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"memroy\":\"1g\"}"))
                .startsWith("unknown field 'memroy'; known fields: concurrency, cpus, description, env, handler,");
    }

    @Test
    void rejectsReservedAndMalformedEnvNames() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"env\":{\"FN4J_SOCKET\":\"x\"}}"))
                .contains("'FN4J_SOCKET'");
        assertThat(rejection("{\"image\":\"i\",\"env\":{\"A-B\":\"x\"}}")).contains("'A-B'");
        assertThat(rejection("{\"image\":\"i\",\"env\":{\"A\":1}}")).isEqualTo("\"env\" values must be strings: A=1");
    }

    @Test
    void rejectsAHandlerThatIsNotAClassName() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"handler\":\"../etc/passwd\"}"))
                .isEqualTo("\"handler\" must be a fully qualified class name: '../etc/passwd'");
    }

    @Test
    void rejectsAPublicFlagThatIsNotABoolean() throws Exception {
        assertThat(rejection("{\"image\":\"i\",\"public\":\"yes\"}"))
                .isEqualTo("\"public\" must be true or false: \"yes\"");
    }

    @Test
    void readsATmpSizeFromOneMebibyteToOneGibibyte() throws Exception {
        assertThat(parser.parse(json("{\"image\":\"i\"}")).tmpBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(parser.parse(json("{\"image\":\"i\",\"tmpSize\":\"128m\"}")).tmpBytes())
                .isEqualTo(128L * 1024 * 1024);
        assertThat(rejection("{\"image\":\"i\",\"tmpSize\":\"2g\"}"))
                .isEqualTo("\"tmpSize\" must be <n>m or <n>g, for example 64m, from 1m to 1g: '2g'");
    }

    @Test
    void readsADescriptionOfAtMost256Characters() throws Exception {
        assertThat(parser.parse(json("{\"image\":\"i\"}")).settings().get(Field.DESCRIPTION))
                .isEmpty();
        assertThat(parser.parse(json("{\"image\":\"i\",\"description\":\"Greets people\"}"))
                        .settings()
                        .get(Field.DESCRIPTION))
                .isEqualTo("Greets people");
        assertThat(rejection("{\"image\":\"i\",\"description\":\"" + "x".repeat(257) + "\"}"))
                .startsWith("\"description\" must be text of at most 256 characters without control"
                        + " characters, for example Greets people: 'xxx");
    }

    @Test
    void rejectsANonObjectBody() throws Exception {
        assertThat(rejection("[1]")).contains("JSON object");
    }
}
