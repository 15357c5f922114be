package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.host.testfns.Greeting;
import dev.fn4j.host.testfns.Person;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyCodecTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    record Stamp(Instant at) {}

    @Test
    void stringAndBytesPickTheirCodecsPlainRecordsThePlainOneAndEverythingElseIsJson() {
        assertThat(BodyCodec.forType(String.class)).isSameAs(TextCodec.INSTANCE);
        assertThat(BodyCodec.forType(byte[].class)).isSameAs(BytesCodec.INSTANCE);
        assertThat(BodyCodec.forType(Person.class)).isInstanceOf(PlainCodec.class);
        assertThat(BodyCodec.forType(Stamp.class)).isInstanceOf(JsonCodec.class);
        assertThat(BodyCodec.forType(Object.class)).isInstanceOf(JsonCodec.class);
    }

    @Test
    void textDecodesUtf8AndEncodesWithCharset() throws Exception {
        assertThat(TextCodec.INSTANCE.decode(utf8("grüß"))).isEqualTo("grüß");
        assertThat(TextCodec.INSTANCE.decode(new byte[0])).isEqualTo("");

        BodyCodec.Encoded encoded = TextCodec.INSTANCE.encode("grüß");

        assertThat(encoded.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(encoded.body()).isEqualTo(utf8("grüß"));
    }

    @Test
    void bytesPassThroughUnchanged() throws Exception {
        byte[] raw = {0, (byte) 0xFF, 10};

        assertThat(BytesCodec.INSTANCE.decode(raw)).isSameAs(raw);
        BodyCodec.Encoded encoded = BytesCodec.INSTANCE.encode(raw);
        assertThat(encoded.contentType()).isEqualTo("application/octet-stream");
        assertThat(encoded.body()).isSameAs(raw);
    }

    @Test
    void nullOutputIsAnEmptyBodyWithoutContentType() throws Exception {
        for (BodyCodec codec : List.of(TextCodec.INSTANCE, BytesCodec.INSTANCE, new JsonCodec(Greeting.class))) {
            BodyCodec.Encoded encoded = codec.encode(null);
            assertThat(encoded.contentType()).isNull();
            assertThat(encoded.body()).isEmpty();
        }
    }

    @Test
    void recordDecodesFromJsonIgnoringUnknownProperties() throws Exception {
        Object person = new JsonCodec(Person.class).decode(utf8("{\"name\":\"Ada\",\"age\":36,\"extra\":1}"));

        assertThat(person).isEqualTo(new Person("Ada", 36));
    }

    @Test
    void recordEncodesToJson() throws Exception {
        BodyCodec.Encoded encoded = new JsonCodec(Greeting.class).encode(new Greeting("Hello, Ada", 37));

        assertThat(encoded.contentType()).isEqualTo("application/json");
        assertThat(text(encoded.body())).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
    }

    @Test
    void emptyBodyDecodesToNull() throws Exception {
        assertThat(new JsonCodec(Person.class).decode(new byte[0])).isNull();
    }

    @Test
    void objectTypeDecodesToMapsAndLists() throws Exception {
        Object value = new JsonCodec(Object.class).decode(utf8("{\"a\":[1,\"x\",true]}"));

        assertThat(value).isEqualTo(Map.of("a", List.of(1, "x", true)));
    }

    @Test
    void javaTimeIsWrittenAsIsoText() throws Exception {
        BodyCodec.Encoded encoded = new JsonCodec(Stamp.class).encode(new Stamp(Instant.EPOCH));

        assertThat(text(encoded.body())).isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void wrongFieldTypeNamesTypeReasonAndPath() {
        assertThatThrownBy(() -> new JsonCodec(Person.class).decode(utf8("{\"name\":\"Ada\",\"age\":\"old\"}")))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessage("the body is not JSON for dev.fn4j.host.testfns.Person: "
                        + "expected a whole number, got \"old\" (at $.age)");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> new JsonCodec(Person.class).decode(utf8("{\"name\": nope}")))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessageStartingWith(
                        "the body is not JSON for dev.fn4j.host.testfns.Person: Unrecognized token 'nope'")
                .hasMessageEndingWith("(at line 1, column 15)");
    }

    @Test
    void trailingTokensAreRejected() {
        assertThatThrownBy(() -> new JsonCodec(Person.class).decode(utf8("{\"name\":\"Ada\"} {}")))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void unwritableOutputNamesItsClass() {
        assertThatThrownBy(() -> new JsonCodec(Object.class).encode(new Object()))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessageStartingWith("cannot write the output java.lang.Object as JSON: No serializer found");
    }

    @Test
    void textCodecRejectsNonStringOutput() {
        assertThatThrownBy(() -> TextCodec.INSTANCE.encode(42))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessage("the handler declares a String output but returned a java.lang.Integer");
    }
}
