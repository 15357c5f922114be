package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.host.testfns.Person;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of docs/json-mapping.md, row by row: each Java value ↔ its JSON, and each refusal. */
class JsonMappingTest {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    record Maybe(Optional<String> note) {}

    record Counted(Optional<Integer> count) {}

    record Item(Instant when) {}

    record Order(List<Item> items) {}

    record Paint(Color color) {}

    record Day(LocalDate day) {}

    record Wait(Duration timeout) {}

    record Flag(boolean active) {}

    record Price(BigDecimal amount) {}

    record Named(String name) {
        Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    /** A bean: no-argument constructor, getters and setters. */
    public static final class Bean {
        private String name;
        private List<String> tags = new ArrayList<>();

        public Bean() {}

        Bean(String name, List<String> tags) {
            this.name = name;
            this.tags = tags;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bean bean && Objects.equals(name, bean.name) && Objects.equals(tags, bean.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, tags);
        }
    }

    /** Holds generic types as field types, so that a row can name them. */
    @SuppressWarnings("unused")
    private static final class Generic {
        List<Person> people;
        Map<String, Person> byName;
        Optional<Person> maybePerson;
        Set<String> names;
    }

    private static Type generic(String field) {
        try {
            return Generic.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /** Rows that map both ways: the value is written as the JSON, and the JSON read as the value. */
    static Stream<Arguments> bothWays() {
        return Stream.of(
                row("record", Person.class, new Person("Ada", 36), "{\"name\":\"Ada\",\"age\":36}"),
                row("bean", Bean.class, new Bean("Ada", List.of("x")), "{\"name\":\"Ada\",\"tags\":[\"x\"]}"),
                row("String field null", Person.class, new Person(null, 0), "{\"name\":null,\"age\":0}"),
                row("Instant", Instant.class, Instant.parse("2026-12-05T10:15:30Z"), "\"2026-12-05T10:15:30Z\""),
                row(
                        "Instant with millis",
                        Instant.class,
                        Instant.parse("2026-12-05T10:15:30.123Z"),
                        "\"2026-12-05T10:15:30.123Z\""),
                row("LocalDate", LocalDate.class, LocalDate.of(2026, 12, 5), "\"2026-12-05\""),
                row(
                        "LocalDateTime",
                        LocalDateTime.class,
                        LocalDateTime.of(2026, 12, 5, 10, 15, 30),
                        "\"2026-12-05T10:15:30\""),
                row("LocalTime", LocalTime.class, LocalTime.of(10, 15, 30), "\"10:15:30\""),
                row(
                        "OffsetDateTime keeps its offset",
                        OffsetDateTime.class,
                        OffsetDateTime.parse("2026-12-05T10:15:30+01:00"),
                        "\"2026-12-05T10:15:30+01:00\""),
                row(
                        "ZonedDateTime keeps its zone",
                        ZonedDateTime.class,
                        ZonedDateTime.parse("2026-12-05T10:15:30+01:00[Europe/Paris]"),
                        "\"2026-12-05T10:15:30+01:00[Europe/Paris]\""),
                row(
                        "ZonedDateTime in UTC",
                        ZonedDateTime.class,
                        ZonedDateTime.parse("2026-12-05T10:15:30Z"),
                        "\"2026-12-05T10:15:30Z\""),
                row("long", Long.class, 9007199254740993L, "9007199254740993"),
                row("double", Double.class, 2.5, "2.5"),
                row("boolean", Boolean.class, true, "true"),
                row("set", generic("names"), Set.of("Ada"), "[\"Ada\"]"),
                row("array", String[].class, new String[] {"a", "b"}, "[\"a\",\"b\"]"),
                row("Duration", Duration.class, Duration.ofMinutes(90), "\"PT1H30M\""),
                row("Optional field present", Maybe.class, new Maybe(Optional.of("x")), "{\"note\":\"x\"}"),
                row("Optional field empty", Maybe.class, new Maybe(Optional.empty()), "{\"note\":null}"),
                row(
                        "BigDecimal exact",
                        BigDecimal.class,
                        new BigDecimal("12345678901234567890.123456789"),
                        "12345678901234567890.123456789"),
                row("BigDecimal keeps its scale", Price.class, new Price(new BigDecimal("0.10")), "{\"amount\":0.10}"),
                row(
                        "BigInteger",
                        BigInteger.class,
                        new BigInteger("123456789012345678901234567890"),
                        "123456789012345678901234567890"),
                row("enum by name", Paint.class, new Paint(Color.GREEN), "{\"color\":\"GREEN\"}"),
                row(
                        "UUID",
                        UUID.class,
                        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                        "\"123e4567-e89b-12d3-a456-426614174000\""),
                row(
                        "list of records",
                        generic("people"),
                        List.of(new Person("Ada", 36), new Person("Alan", 41)),
                        "[{\"name\":\"Ada\",\"age\":36},{\"name\":\"Alan\",\"age\":41}]"),
                row(
                        "map of records",
                        generic("byName"),
                        Map.of("ada", new Person("Ada", 36)),
                        "{\"ada\":{\"name\":\"Ada\",\"age\":36}}"),
                row(
                        "list of Instants in a record",
                        Order.class,
                        new Order(List.of(new Item(Instant.parse("2026-12-05T10:15:30Z")))),
                        "{\"items\":[{\"when\":\"2026-12-05T10:15:30Z\"}]}"));
    }

    private static Arguments row(String name, Type type, Object value, String json) {
        return Arguments.of(name, type, value, json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothWays")
    void writesTheValueAsTheJson(String name, Type type, Object value, String json) throws Exception {
        BodyCodec.Encoded encoded = new JsonCodec(type).encode(value);

        assertThat(encoded.contentType()).isEqualTo("application/json");
        assertThat(text(encoded.body())).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothWays")
    void readsTheJsonAsTheValue(String name, Type type, Object value, String json) throws Exception {
        assertThat(new JsonCodec(type).decode(utf8(json))).isEqualTo(value);
    }

    /** Rows that are only read: leniency and defaults. */
    static Stream<Arguments> readOnly() {
        return Stream.of(
                row(
                        "unknown properties are ignored",
                        Person.class,
                        new Person("Ada", 36),
                        "{\"name\":\"Ada\",\"age\":36,\"extra\":{\"x\":1}}"),
                row("a missing Optional is empty", Maybe.class, new Maybe(Optional.empty()), "{}"),
                row("a missing int is 0", Person.class, new Person("Ada", 0), "{\"name\":\"Ada\"}"),
                row(
                        "an Object target keeps decimals exact",
                        Object.class,
                        Map.of("n", new BigDecimal("0.10"), "i", 1),
                        "{\"n\":0.10,\"i\":1}"),
                row(
                        "an Optional input from JSON",
                        generic("maybePerson"),
                        Optional.of(new Person("Ada", 36)),
                        "{\"name\":\"Ada\",\"age\":36}"),
                row("an Optional input from an empty body", generic("maybePerson"), Optional.empty(), ""),
                row(
                        "an offset date-time is not moved to UTC",
                        OffsetDateTime.class,
                        OffsetDateTime.parse("2026-12-05T10:15:30-05:00"),
                        "\"2026-12-05T10:15:30-05:00\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnly")
    void readsLeniently(String name, Type type, Object value, String json) throws Exception {
        assertThat(new JsonCodec(type).decode(utf8(json))).isEqualTo(value);
    }

    @Test
    void anOptionalReturnValueIsItsValueOrTheEmptyBody() throws Exception {
        JsonCodec codec = new JsonCodec(generic("maybePerson"));

        assertThat(text(codec.encode(Optional.of(new Person("Ada", 36))).body()))
                .isEqualTo("{\"name\":\"Ada\",\"age\":36}");
        assertThat(codec.encode(Optional.empty())).isSameAs(BodyCodec.Encoded.EMPTY);
    }

    /** Bodies that do not fit: the message after "the body is not JSON for TYPE: ". */
    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal(
                        Person.class,
                        "{\"name\":\"Ada\",\"age\":\"old\"}",
                        "expected a whole number, got \"old\" (at $.age)"),
                refusal(Person.class, "{\"age\":2.5}", "expected a whole number, got 2.5 (at $.age)"),
                refusal(
                        Order.class,
                        "{\"items\":[{\"when\":\"2026-12-05T10:15:30Z\"},"
                                + "{\"when\":\"2026-12-05T10:15:31Z\"},{\"when\":\"tomorrow\"}]}",
                        "expected a date-time such as 2026-12-05T10:15:30Z, got \"tomorrow\" (at $.items[2].when)"),
                refusal(
                        Paint.class,
                        "{\"color\":\"PURPLE\"}",
                        "expected one of RED, GREEN, BLUE, got \"PURPLE\" (at $.color)"),
                refusal(Paint.class, "{\"color\":1}", "expected one of RED, GREEN, BLUE, got 1 (at $.color)"),
                refusal(
                        Day.class,
                        "{\"day\":\"05/12/2026\"}",
                        "expected a date such as 2026-12-05, got \"05/12/2026\" (at $.day)"),
                refusal(
                        Wait.class,
                        "{\"timeout\":\"90 minutes\"}",
                        "expected a duration such as PT15M, got \"90 minutes\" (at $.timeout)"),
                refusal(Flag.class, "{\"active\":\"maybe\"}", "expected true or false, got \"maybe\" (at $.active)"),
                refusal(Price.class, "{\"amount\":\"abc\"}", "expected a number, got \"abc\" (at $.amount)"),
                refusal(Counted.class, "{\"count\":\"x\"}", "expected a whole number, got \"x\" (at $.count)"),
                refusal(Person.class, "[1]", "expected an object (Person), got an array (at $)"),
                refusal(generic("byName"), "{\"ada\":1}", "expected an object (Person), got 1 (at $.ada)"),
                refusal(generic("people"), "{\"name\":\"Ada\"}", "expected an array, got an object (at $)"),
                refusal(Named.class, "{\"name\":\" \"}", "invalid Named: name must not be blank (at $)"),
                refusal(
                        Person.class,
                        "{\"name\": nope}",
                        "Unrecognized token 'nope': was expecting "
                                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false') (at line 1, column 15)"),
                refusal(
                        Person.class,
                        "{\"name\":\"Ada\"} {}",
                        "Trailing tokens after the JSON value (at line 1, column 16)"));
    }

    private static Arguments refusal(Type type, String body, String message) {
        return Arguments.of(type, body, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void refusesABodyThatDoesNotFitNamingPathAndExpectedType(Type type, String body, String message) {
        assertThatThrownBy(() -> new JsonCodec(type).decode(utf8(body)))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessage("the body is not JSON for " + type.getTypeName() + ": " + message)
                .extracting(Throwable::getMessage)
                .asString()
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("shaded");
    }

    /** The same rows through the codec a handler gets, which for a plain record is the plain codec. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bothWays")
    void theHandlersCodecWritesAndReadsEveryRowTheSame(String name, Type type, Object value, String json)
            throws Exception {
        BodyCodec codec = BodyCodec.forType(type);

        assertThat(text(codec.encode(value).body())).isEqualTo(json);
        assertThat(codec.decode(utf8(json))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnly")
    void theHandlersCodecReadsLenientlyTheSame(String name, Type type, Object value, String json) throws Exception {
        assertThat(BodyCodec.forType(type).decode(utf8(json))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void theHandlersCodecRefusesTheSame(Type type, String body, String message) {
        assertThatThrownBy(() -> BodyCodec.forType(type).decode(utf8(body)))
                .isInstanceOf(BodyCodec.BodyException.class)
                .hasMessage("the body is not JSON for " + type.getTypeName() + ": " + message);
    }

    @Test
    void plainRecordRowsTakeThePlainPathBothWays() throws Exception {
        PlainShape.RecordShape person = PlainShapes.of(Person.class);
        PlainShape.RecordShape paint = PlainShapes.of(Paint.class);

        assertThat(BodyCodec.forType(Person.class)).isInstanceOf(PlainCodec.class);
        assertThat(BodyCodec.forType(Paint.class)).isInstanceOf(PlainCodec.class);
        assertThat(BodyCodec.forType(Flag.class)).isInstanceOf(PlainCodec.class);
        assertThat(BodyCodec.forType(Named.class)).isInstanceOf(PlainCodec.class);
        assertThat(PlainReader.read(utf8("{\"name\":\"Ada\",\"age\":36,\"extra\":{\"x\":1}}"), person))
                .isEqualTo(new Person("Ada", 36));
        assertThat(PlainReader.read(utf8("{\"name\":\"Ada\"}"), person)).isEqualTo(new Person("Ada", 0));
        assertThat(text(PlainWriter.write(new Person(null, 0), person))).isEqualTo("{\"name\":null,\"age\":0}");
        assertThat(text(PlainWriter.write(new Paint(Color.GREEN), paint))).isEqualTo("{\"color\":\"GREEN\"}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
