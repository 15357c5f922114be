package dev.fn4j.maven.core;

/**
 * Where a setting is written, for error messages: a top-level plugin parameter such as
 * {@code <timeout> (-Dfn.timeout)}, or a field of one {@code <function>} entry such as
 * {@code <timeout> of <function> 'greet'}.
 *
 * @param element the pom element, for example {@code timeout}
 * @param property the user property, for example {@code fn.timeout}; null for a
 *     {@code <function>} entry's field and for pom-only parameters
 * @param function the name of the {@code <function>} entry; null for a top-level parameter
 */
public record Setting(String element, String property, String function) {

    /** A top-level plugin parameter with its {@code -D} property. */
    public static Setting parameter(String element, String property) {
        return new Setting(element, property, null);
    }

    /** A top-level parameter that is set in the pom only, such as {@code <env>}. */
    public static Setting pomOnly(String element) {
        return new Setting(element, null, null);
    }

    /** A field of the {@code <function>} entry of the given name. */
    public static Setting ofFunction(String function, String element) {
        return new Setting(element, null, function);
    }

    /**
     * The top-level parameter {@code <element>} ({@code -Dfn.<element>}) when {@code function}
     * is null, else that field of the {@code <function>} entry of that name.
     */
    static Setting of(String function, String element) {
        return function == null ? parameter(element, "fn." + element) : ofFunction(function, element);
    }

    /** How the user finds the setting: {@code <timeout> (-Dfn.timeout)}. */
    @Override
    public String toString() {
        String where = "<" + element + ">";
        if (function != null) {
            return where + " of <function> '" + function + "'";
        }
        return property == null ? where : where + " (-D" + property + ")";
    }

    /** How the user changes it: {@code <timeout> or -Dfn.timeout}. */
    public String howToSet() {
        if (function != null) {
            return "<" + element + "> in the <function> entry '" + function + "'";
        }
        return property == null ? "<" + element + ">" : "<" + element + "> or -D" + property;
    }

    /** The standard message for a bad value: names the setting and value, ends with the fix. */
    public String invalid(String value, String problem, String fix) {
        return this + " is '" + value + "', " + problem + ": " + fix + ".";
    }
}
