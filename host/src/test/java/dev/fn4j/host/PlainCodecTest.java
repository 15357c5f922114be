package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.PlainTypes.Checked;
import dev.fn4j.host.PlainTypes.Everything;
import dev.fn4j.host.PlainTypes.Inner;
import dev.fn4j.host.PlainTypes.Tree;
import dev.fn4j.host.testfns.Person;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain codec on hand-picked bodies and types: it answers exactly as Jackson's JsonCodec does. */
class PlainCodecTest {

    @Test
    void forTypeChoosesThePlainCodecForPlainRecords() {
        for (Type type : List.of(
                Person.class,
                Everything.class,
                Tree.class,
                Checked.class,
                PlainTypes.HIDDEN,
                PlainTypes.TwoConstructors.class,
                PlainTypes.WithHelper.class)) {
            assertThat(BodyCodec.forType(type)).as(type.getTypeName()).isInstanceOf(PlainCodec.class);
        }
    }

    @Test
    void forTypeKeepsJacksonForAnnotatedGenericBeanNamedOrOtherComponentTypes() {
        for (Type type : List.of(
                PlainTypes.Renamed.class,
                PlainTypes.Strict.class,
                PlainTypes.WithGetter.class,
                PlainTypes.BeanNamed.class,
                PlainTypes.Generic.class,
                PlainTypes.HoldsGeneric.class,
                PlainTypes.Timed.class,
                PlainTypes.HoldsSet.class,
                PlainTypes.Empty.class,
                PlainTypes.HoldsLabelled.class,
                PlainTypes.TypedRecord.class,
                Object.class,
                Integer.class)) {
            assertThat(BodyCodec.forType(type)).as(type.getTypeName()).isInstanceOf(JsonCodec.class);
        }
    }

    /** Bodies on and off the plain path: canonical forms, coercions, odd JSON, broken JSON. */
    static Stream<Arguments> bodies() {
        List<Arguments> rows = new ArrayList<>();
        for (String body : List.of(
                "{\"name\":\"Ada\",\"age\":36}",
                " \t\r\n{ \"name\" : \"Ada\" , \"age\" : 36 } \n",
                "{}",
                "{\"name\":null,\"age\":null}",
                "{\"age\":\"36\"}",
                "{\"age\":36.0}",
                "{\"age\":3.6e1}",
                "{\"age\":-0}",
                "{\"age\":01}",
                "{\"age\":+1}",
                "{\"age\":2147483647}",
                "{\"age\":2147483648}",
                "{\"age\":-2147483649}",
                "{\"age\":99999999999999999999}",
                "{\"age\":true}",
                "{\"age\":[1]}",
                "{\"name\":36}",
                "{\"name\":true}",
                "{\"name\":[\"Ada\"]}",
                "{\"name\":{\"first\":\"Ada\"}}",
                "{\"name\":\"Ada\",\"name\":\"Alan\"}",
                "{\"name\":\"A\\u0064a \\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}",
                "{\"name\":\"\\uDE00 lone\"}",
                "{\"name\":\"\\x\"}",
                "{\"name\":\"tab\there\"}",
                "{\"name\":\"grüß 中 😀\"}",
                "{\"extra\":{\"a\":[1,2.5e3,-0.0,true,false,null,\"x\",{}],\"b\":[]},\"name\":\"Ada\"}",
                "{\"extra\":01,\"name\":\"Ada\"}",
                "{\"extra\":1.,\"name\":\"Ada\"}",
                "{\"extra\":NaN}",
                "{\"name\":\"Ada\",}",
                "{,\"name\":\"Ada\"}",
                "{\"name\" \"Ada\"}",
                "{'name':'Ada'}",
                "{name:\"Ada\"}",
                "{\"name\":\"Ada\"/* c */}",
                "{\"name\":\"Ada\"} {}",
                "{\"name\":\"Ada\"}x",
                "{\"name\":\"Ada\"",
                "{\"name\":\"Ada",
                "{\"name\":nul}",
                "{\"name\":nullx}",
                "\uFEFF{\"name\":\"Ada\"}",
                "\f{\"name\":\"Ada\"}",
                "null",
                "[]",
                "\"Ada\"",
                "36",
                "   ",
                "{\"name\": nope}")) {
            rows.add(Arguments.of(Person.class, body));
        }
        for (String body : List.of(
                "{\"d\":1E2,\"f\":1.5e-3,\"boxedD\":-0,\"boxedF\":-0.0}",
                "{\"d\":-0.0,\"f\":-0}",
                "{\"f\":1.00000017881393432617187499}",
                "{\"d\":9007199254740993,\"f\":16777217}",
                "{\"d\":123456789012345678901234,\"f\":1e39}",
                "{\"d\":1e400}",
                "{\"d\":4.9e-325}",
                "{\"d\":\"NaN\",\"f\":\"Infinity\"}",
                "{\"d\":NaN}",
                "{\"d\":.5}",
                "{\"d\":1.}",
                "{\"d\":1e}",
                "{\"d\":-}",
                "{\"b\":127,\"boxedB\":-128,\"sh\":32767,\"boxedSh\":-32768}",
                "{\"b\":200}",
                "{\"b\":128}",
                "{\"sh\":40000}",
                "{\"l\":9223372036854775807,\"boxedL\":-9223372036854775808}",
                "{\"l\":9223372036854775808}",
                "{\"c\":\"x\",\"boxedC\":\"\\u00e9\"}",
                "{\"c\":\"xy\"}",
                "{\"c\":\"\"}",
                "{\"c\":65}",
                "{\"c\":null,\"boxedC\":null}",
                "{\"z\":true,\"boxedZ\":false}",
                "{\"z\":null,\"boxedZ\":null}",
                "{\"z\":1}",
                "{\"z\":\"true\"}",
                "{\"color\":\"GREEN\",\"mood\":\"HAPPY\",\"colors\":[\"RED\",null,\"BLUE\"]}",
                "{\"color\":\"PURPLE\"}",
                "{\"color\":\"green\"}",
                "{\"color\":1}",
                "{\"color\":\"1\"}",
                "{\"color\":\"\"}",
                "{\"mood\":\"happy!\"}",
                "{\"inner\":{\"label\":\"x\",\"n\":1},\"inners\":[{\"n\":2},null,{}]}",
                "{\"inner\":[]}",
                "{\"inner\":\"x\"}",
                "{\"strings\":\"x\"}",
                "{\"strings\":[\"a\",1]}",
                "{\"strings\":[],\"inners\":[],\"grid\":[[],[1,2],null,[null]]}",
                "{\"grid\":[[1,2.5]]}",
                "{\"strings\":[\"a\",]}",
                "{\"strings\":[,\"a\"]}",
                "{\"i\":null,\"l\":null,\"sh\":null,\"b\":null,\"d\":null,\"f\":null}")) {
            rows.add(Arguments.of(Everything.class, body));
        }
        for (String body :
                List.of("{\"name\":\" \"}", "{\"name\":\"Ada\"}", "{\"name\":null}", "{}", "\"Ada\"", "42")) {
            rows.add(Arguments.of(Checked.class, body));
            rows.add(Arguments.of(PlainTypes.TwoConstructors.class, body));
        }
        rows.add(Arguments.of(PlainTypes.HIDDEN, "{\"name\":\"Ada\",\"n\":1}"));
        rows.add(Arguments.of(Tree.class, "{\"id\":\"a\",\"children\":[{\"id\":\"b\",\"children\":[]}]}"));
        rows.add(Arguments.of(Tree.class, "[".repeat(300) + "]".repeat(300)));
        rows.add(Arguments.of(Tree.class, nested(150)));
        rows.add(Arguments.of(Tree.class, nested(400)));
        return rows.stream();
    }

    /** A tree {@code depth} levels deep. */
    static String nested(int depth) {
        return "{\"id\":\"x\",\"children\":[".repeat(depth) + "]}".repeat(depth);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bodies")
    void decodesEachBodyAsJacksonDoes(Type type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(PlainDifferential.decoded(BodyCodec.forType(type), bytes))
                .isEqualTo(PlainDifferential.decoded(new JsonCodec(type), bytes));
    }

    @Test
    void malformedUtf8IsLeftToJackson() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xC3, '"', '}'};

        assertThat(PlainDifferential.decoded(BodyCodec.forType(Person.class), body))
                .isEqualTo(PlainDifferential.decoded(new JsonCodec(Person.class), body));
    }

    @Test
    void canonicalBodiesTakeThePlainPath() throws Exception {
        PlainShape.RecordShape shape = PlainShapes.of(Person.class);

        assertThat(PlainReader.read(utf8("{\"name\":\"Ada\",\"age\":36}"), shape))
                .isEqualTo(new Person("Ada", 36));
        assertThat(PlainWriter.write(new Person("Ada", 36), shape)).isEqualTo(utf8("{\"name\":\"Ada\",\"age\":36}"));
    }

    @Test
    void writesEdgeValuesAsJacksonWritesThem() {
        List<Object> values = List.of(
                new Person("\"\\/\b\t\n\f\r\u0000\u001f\u007f é 中 😀 \u2028", -1),
                new Person("lone \uD83D surrogate", 0),
                new Person(null, Integer.MIN_VALUE),
                new Inner("x", 1),
                new Tree("a", List.of(new Tree("b", List.of()), new Tree("c", null))),
                PlainDifferential.everything(Double.NaN, Float.NEGATIVE_INFINITY),
                PlainDifferential.everything(-0.0, Float.MIN_VALUE),
                PlainDifferential.everything(1e20, 1e-7f),
                PlainDifferential.everything(Double.MAX_VALUE, 3.4028235e38f));
        for (Object value : values) {
            assertThat(PlainDifferential.encoded(BodyCodec.forType(value.getClass()), value))
                    .as(value.toString())
                    .isEqualTo(PlainDifferential.encoded(new JsonCodec(value.getClass()), value));
        }
    }

    @Test
    void aNullOutputIsTheEmptyBodyAndAnEmptyInputIsNull() throws Exception {
        BodyCodec codec = BodyCodec.forType(Person.class);

        assertThat(codec.encode(null)).isSameAs(BodyCodec.Encoded.EMPTY);
        assertThat(codec.decode(new byte[0])).isNull();
    }

    @Test
    void anOutputOfAnotherClassIsJacksons() throws Exception {
        BodyCodec codec = BodyCodec.forType(Person.class);

        assertThat(new String(codec.encode(List.of(1, 2)).body(), StandardCharsets.UTF_8))
                .isEqualTo("[1,2]");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
