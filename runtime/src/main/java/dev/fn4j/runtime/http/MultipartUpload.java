package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} upload: its {@code file} part, staged by Undertow in a temporary
 * file it deletes when the exchange ends, and its other parts as settings. Parsing blocks.
 */
final class MultipartUpload implements AutoCloseable {

    static final String FILE_PART = "file";

    /** Open until {@link #close()}: closing it deletes the staged file. */
    private final FormDataParser parser;

    private final Path file;
    private final Map<String, List<String>> fields;

    private MultipartUpload(FormDataParser parser, Path file, Map<String, List<String>> fields) {
        this.parser = parser;
        this.file = file;
        this.fields = fields;
    }

    static MultipartUpload parse(HttpServerExchange exchange, long maxBytes) throws IOException {
        if (exchange.getRequestContentLength() > maxBytes) {
            throw Bodies.tooLarge(exchange.getRequestContentLength(), maxBytes);
        }
        MultiPartParserDefinition definition = new MultiPartParserDefinition();
        definition.setMaxIndividualFileSize(maxBytes);
        definition.setFileSizeThreshold(0);
        FormDataParser parser = definition.create(exchange);
        try {
            FormData form;
            try {
                form = parser.parseBlocking();
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("UT000054")) {
                    throw Bodies.tooLarge(maxBytes + 1, maxBytes);
                }
                throw new ApiException(ErrorCode.BAD_REQUEST, "the multipart body cannot be read: " + e.getMessage());
            }
            Path file = null;
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (String name : form) {
                for (FormData.FormValue value : form.get(name)) {
                    if (value.isFileItem() && name.equals(FILE_PART)) {
                        file = value.getFileItem().getFile();
                    } else if (!value.isFileItem()) {
                        fields.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                                .add(value.getValue());
                    }
                }
            }
            if (file == null) {
                throw new ApiException(
                        ErrorCode.BAD_REQUEST,
                        "the multipart body has no 'file' part; send the archive as -F file=@function.jar");
            }
            return new MultipartUpload(parser, file, fields);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    /** Deletes the staged file, if it is still there. */
    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Moves the staged archive to {@code target}. */
    void moveTo(Path target) throws IOException {
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
