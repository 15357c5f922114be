package dev.fn4j.maven.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The body {@code fn:invoke} sends: the text of {@code -Dfn.data}, the bytes of
 * {@code -Dfn.file}, or nothing.
 *
 * @param body the bytes to send
 * @param contentType their media type, or null to send none
 */
public record InvocationInput(byte[] body, String contentType) {

    static final Setting DATA = Setting.parameter("data", "fn.data");
    static final Setting FILE = Setting.parameter("file", "fn.file");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the input the user gave.
     *
     * @param data the literal input, or null
     * @param file the path of an input file, relative to {@code baseDir}, or null
     * @param contentType the media type to send; null to pick one: JSON when the input parses
     *     as JSON (or the file ends with .json), else text for data and bytes for a file
     * @param baseDir the project directory
     * @throws FnFailureException when both are given or the file cannot be read
     */
    public static InvocationInput of(String data, String file, String contentType, Path baseDir)
            throws FnFailureException {
        String type = contentType == null || contentType.isBlank() ? null : contentType.strip();
        boolean hasFile = file != null && !file.isBlank();
        if (data != null && hasFile) {
            throw new FnFailureException(DATA + " and " + FILE + " are both set ('" + data + "' and '" + file
                    + "'): keep only one of them.");
        }
        if (data != null) {
            return new InvocationInput(
                    data.getBytes(StandardCharsets.UTF_8),
                    type != null ? type : isJson(data) ? "application/json" : "text/plain; charset=utf-8");
        }
        if (hasFile) {
            Path path = baseDir.resolve(file.strip());
            if (!Files.isRegularFile(path)) {
                throw new FnFailureException(FILE.invalid(
                        file,
                        "but there is no such file (" + path.toAbsolutePath().normalize() + ")",
                        "give the path of the input file, relative to the project directory"));
            }
            try {
                return new InvocationInput(
                        Files.readAllBytes(path),
                        type != null
                                ? type
                                : path.getFileName()
                                                .toString()
                                                .toLowerCase(Locale.ROOT)
                                                .endsWith(".json")
                                        ? "application/json"
                                        : "application/octet-stream");
            } catch (IOException e) {
                throw new FnFailureException(
                        FILE.invalid(file, "but it cannot be read (" + e + ")", "check the file's permissions"), e);
            }
        }
        return new InvocationInput(new byte[0], type);
    }

    /** Whether the input is empty: neither data nor a file was given. */
    public boolean isEmpty() {
        return body.length == 0;
    }

    private static boolean isJson(String data) {
        try {
            JSON.readTree(data);
            return !data.isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
