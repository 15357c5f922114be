package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTrainingTest {

    @Test
    void sendsItsSampleThroughTheMappingBothWaysWithoutComplaint() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        JsonTraining.run(new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void itsNestedSampleIsPlainSoThePlainCodecIsTrainedToo() {
        assertThat(BodyCodec.forType(JsonTraining.Nested.class)).isInstanceOf(PlainCodec.class);
        assertThat(BodyCodec.forType(JsonTraining.Sample.class)).isInstanceOf(JsonCodec.class);
    }
}
