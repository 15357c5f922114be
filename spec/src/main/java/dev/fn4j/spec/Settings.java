package dev.fn4j.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function's settings, one value per {@link Field}: those set, and the field's default for the
 * others. Immutable; two are equal when every field reads the same, set or defaulted.
 */
public final class Settings {

    /** Every field at its default. */
    public static final Settings DEFAULTS = new Settings(Map.of());

    /** The values set; never holds a null value. */
    private final Map<Field<?>, Object> set;

    private Settings(Map<Field<?>, Object> set) {
        this.set = set;
    }

    /** The value of {@code field}: the one set, else its default (null when it has none). */
    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        Object value = set.get(field);
        return value != null ? (T) value : field.defaultValue();
    }

    /** Whether {@code field} was set rather than defaulted. */
    public boolean isSet(Field<?> field) {
        return set.containsKey(field);
    }

    /** These settings with {@code field} set to {@code value}; null unsets it. */
    public <T> Settings with(Field<T> field, T value) {
        Objects.requireNonNull(field, "field");
        Map<Field<?>, Object> copy = new LinkedHashMap<>(set);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return new Settings(Map.copyOf(copy));
    }

    /** These settings with every field {@code other} sets taken from it. */
    public Settings overriddenBy(Settings other) {
        Map<Field<?>, Object> copy = new LinkedHashMap<>(set);
        copy.putAll(other.set);
        return new Settings(Map.copyOf(copy));
    }

    /**
     * Parses the text forms in {@code texts}, keyed by field name; names of no field are ignored,
     * null values leave the field unset.
     *
     * @throws SpecException for the first value, in {@link Field#ALL} order, that breaks its rule
     */
    public static Settings parse(Map<String, String> texts) {
        Settings settings = DEFAULTS;
        for (Field<?> field : Field.ALL) {
            settings = settings.parsed(field, texts.get(field.name()));
        }
        return settings;
    }

    private <T> Settings parsed(Field<T> field, String text) {
        return text == null ? this : with(field, field.parse(text));
    }

    /** The text form of every field set, keyed by name in {@link Field#ALL} order. */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Field<?> field : Field.ALL) {
            if (isSet(field)) {
                texts.put(field.name(), text(field));
            }
        }
        return texts;
    }

    private <T> String text(Field<T> field) {
        return field.format(get(field));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Settings other)) {
            return false;
        }
        for (Field<?> field : Field.ALL) {
            if (!Objects.equals(get(field), other.get(field))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Field<?> field : Field.ALL) {
            h = 31 * h + Objects.hashCode(get(field));
        }
        return h;
    }

    @Override
    public String toString() {
        return "Settings" + texts();
    }
}
