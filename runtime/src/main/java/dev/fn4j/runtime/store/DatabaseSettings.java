package dev.fn4j.runtime.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the runtime keeps its state: an H2 file database under the data directory by default,
 * or PostgreSQL by JDBC URL. The password never shows in {@link #toString()} or
 * {@link #redactedUrl()}.
 *
 * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user the database user, or null to take it from the URL
 * @param password the user's password, or null to take it from the URL
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The two databases the runtime supports; the schema's migrations work on both. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    /**
     * H2 in PostgreSQL mode, so one set of migrations serves both. {@code WRITE_DELAY=0} writes
     * each commit to the file at once, so a killed runtime loses no committed state;
     * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to the runtime's own shutdown, which still
     * writes while it drains.
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:password|sslpassword)=)[^&;]*");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (kindOf(url) == null) {
            throw new IllegalArgumentException("not a jdbc:h2: or jdbc:postgresql: URL: " + redact(url));
        }
    }

    /** The embedded default: an H2 file database at {@code file} (H2 adds {@code .mv.db}). */
    public static DatabaseSettings h2File(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("the database path must not contain ';': " + path);
        }
        return new DatabaseSettings("jdbc:h2:file:" + path + H2_OPTIONS, "fn4j", "");
    }

    /** A private in-memory H2 database, gone when closed; for tests. */
    public static DatabaseSettings h2Memory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + H2_OPTIONS, "fn4j", "");
    }

    /** Whether {@code url} names a database the runtime supports. */
    public static boolean supported(String url) {
        return kindOf(url) != null;
    }

    public Kind kind() {
        return kindOf(url);
    }

    /** The URL with any password parameter masked, for logs and messages. */
    public String redactedUrl() {
        return redact(url);
    }

    /** {@code url} with any password parameter masked. */
    public static String redact(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "***") + "]";
    }

    private static Kind kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        return null;
    }
}
