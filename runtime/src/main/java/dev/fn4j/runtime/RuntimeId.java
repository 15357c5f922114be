package dev.fn4j.runtime;

import dev.fn4j.runtime.instance.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The runtime's id: made once per data directory and kept in it, so containers labelled by an
 * earlier run on the same data directory are recognised as this runtime's leftovers.
 */
final class RuntimeId {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{12}");

    private RuntimeId() {}

    static String load(Path dataDir) throws IOException {
        Path file = dataDir.resolve("runtime-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (VALID.matcher(id).matches()) {
                return id;
            }
            throw new ConfigException(file + " is damaged (expected 12 hex digits, found '" + id
                    + "'); delete it to give this runtime a new id");
        }
        String id = Ids.instanceId();
        Files.createDirectories(dataDir);
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
