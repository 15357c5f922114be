package dev.fn4j.host;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what JSON a Java type expects, in the words of the table in docs/json-mapping.md ("a whole
 * number", "one of RED, GREEN"); never names a class of the host or of Jackson.
 */
final class ExpectedType {

    private ExpectedType() {}

    /** What a value of the type looks like in JSON; a user class is named by its simple name. */
    static String of(Class<?> type) {
        if (type == null || type == Object.class) {
            return "a JSON value";
        }
        Class<?> boxed = box(type);
        if (boxed == Integer.class
                || boxed == Long.class
                || boxed == Short.class
                || boxed == Byte.class
                || boxed == BigInteger.class) {
            return "a whole number";
        }
        if (boxed == Double.class
                || boxed == Float.class
                || boxed == BigDecimal.class
                || Number.class.isAssignableFrom(boxed)) {
            return "a number";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (boxed == Character.class) {
            return "a string of one character";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        String time = time(type);
        if (time != null) {
            return time;
        }
        if (type == UUID.class) {
            return "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == Optional.class) {
            return "a value or null";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String time(Class<?> type) {
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date-time such as 2026-12-05T10:15:30Z";
        }
        if (type == LocalDateTime.class) {
            return "a date-time without offset such as 2026-12-05T10:15:30";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-12-05";
        }
        if (type == LocalTime.class) {
            return "a time such as 10:15:30";
        }
        if (type == Duration.class) {
            return "a duration such as PT15M";
        }
        if (type == Period.class) {
            return "a period such as P1Y2M3D";
        }
        return null;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type == char.class ? Character.class : type;
    }
}
