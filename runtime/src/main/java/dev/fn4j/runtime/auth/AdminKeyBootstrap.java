package dev.fn4j.runtime.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes sure an admin key exists at start-up: the operator's {@code FN4J_ADMIN_KEY} when set;
 * otherwise, on the first start only, a generated one, printed once and written to
 * {@code <data-dir>/admin-key} readable by its owner alone. Neither expires.
 */
public final class AdminKeyBootstrap {

    public static final String FILE = "admin-key";

    private AdminKeyBootstrap() {}

    public static void ensure(ApiKeys keys, String fromEnv, Path dataDir, PrintStream out) throws IOException {
        if (fromEnv != null && !fromEnv.isBlank()) {
            keys.adopt(fromEnv.strip(), "admin (FN4J_ADMIN_KEY)", Scope.ADMIN);
            return;
        }
        if (keys.anyAdmin()) {
            return;
        }
        ApiKeys.Created created = keys.create("admin (generated at first start)", Scope.ADMIN, null);
        Path file = dataDir.resolve(FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, created.plaintext() + "\n", StandardCharsets.UTF_8);
        out.println(
                "fn4j: generated the first admin API key. It is shown only now and kept in " + file + " (mode 0600):");
        out.println("  " + created.plaintext());
        out.println("fn4j: use it as 'Authorization: Bearer <key>', or with Maven as"
                + " -Dfn.apiKey, FN4J_API_KEY or a settings.xml <server> with id fn4j.");
    }
}
