package dev.fn4j.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says why a body does not fit a type in the user's terms: the JSON path of the bad value, what
 * was expected ({@link ExpectedType}) and what came. Never names a class of Jackson or of the
 * host, whose Jackson is relocated where the user cannot add modules to it.
 */
final class JsonProblems {

    /** The package Jackson lives in here: com.fasterxml.jackson, or its relocation in the shaded jar. */
    private static final String JACKSON = JsonFactory.class.getPackageName().replaceAll("\\.core$", "");

    private static final Pattern JACKSON_NAME = Pattern.compile(Pattern.quote(JACKSON) + "[\\w.:$-]*");
    private static final Pattern MODULE_HINT = Pattern.compile(":? ?add Module \"[^\"]*\" to enable handling");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    /** The longest string value quoted back in a message, in chars. */
    private static final int MAX_QUOTED = 40;

    private JsonProblems() {}

    /** Why the body could not be read; ends with "(at $.path)" or "(at line L, column C)". */
    static String reading(byte[] body, Exception e) {
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            Throwable cause = instantiation.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
            return "invalid " + instantiation.getType().getRawClass().getSimpleName() + ": " + reason
                    + at(instantiation);
        }
        if (e instanceof InvalidDefinitionException definition) {
            return "its type cannot be mapped: " + scrub(definition.getOriginalMessage()) + at(definition);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = mismatch.getOriginalMessage();
            if (original != null && original.startsWith("Trailing token")) {
                return "Trailing tokens after the JSON value" + line(mismatch);
            }
            return "expected " + ExpectedType.of(mismatch.getTargetType()) + ", got " + found(body, mismatch.getPath())
                    + at(mismatch);
        }
        if (e instanceof JsonMappingException mapping) {
            return scrub(mapping.getOriginalMessage()) + at(mapping);
        }
        if (e instanceof JsonProcessingException processing) {
            return scrub(processing.getOriginalMessage()) + line(processing);
        }
        return scrub(e.toString());
    }

    /** Why an output could not be written, naming the path inside it. */
    static String writing(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            return scrub(mapping.getOriginalMessage()) + at(mapping);
        }
        return scrub(e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.toString());
    }

    private static String at(JsonMappingException e) {
        return " (at " + path(e.getPath()) + ")";
    }

    private static String line(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The JSON path, {@code $.items[2].when}, of a chain of Jackson references. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the body holds at the path, for "got ...": the value itself when it is short. */
    private static String found(byte[] body, List<JsonMappingException.Reference> references) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "something else";
        }
        for (JsonMappingException.Reference reference : references) {
            if (node == null) {
                break;
            }
            node = reference.getFieldName() != null
                    ? node.get(reference.getFieldName())
                    : reference.getIndex() >= 0 ? node.get(reference.getIndex()) : node;
        }
        return describe(node);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= MAX_QUOTED ? node.toString() : "a string of " + text.length() + " characters";
        }
        return node.toString();
    }

    /** Jackson's text without a relocated class name, module hint or source excerpt. */
    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String text = MODULE_HINT.matcher(message).replaceAll("");
        text = SOURCE.matcher(text).replaceAll("line $1, column $2");
        return JACKSON_NAME.matcher(text).replaceAll("Jackson");
    }
}
