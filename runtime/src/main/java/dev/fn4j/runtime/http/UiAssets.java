package dev.fn4j.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's static files, read once from the runtime's own classpath into memory so that
 * serving them never touches the disk: the pages under {@code dev/fn4j/runtime/ui/}, and the
 * WebJars' files under {@code lib/<webjar>/<version>/}. Immutable once built.
 */
final class UiAssets {

    /** Where the pages are on the classpath. */
    static final String PAGES = "dev/fn4j/runtime/ui/";
    /** Where WebJars keep their files; served under {@code lib/}. */
    static final String WEBJARS = "META-INF/resources/webjars/";
    /** The WebJars the pages use (each must be a runtime dependency). */
    private static final String[] LIBRARIES = {"uplot"};

    /**
     * One file, ready to send.
     *
     * @param gzip the body gzipped, or null when that does not make it smaller
     * @param etag a strong entity tag of the body, quoted
     * @param versioned whether its path names its version, so that it may be cached for good
     */
    record Asset(String contentType, byte[] body, byte[] gzip, String etag, boolean versioned) {}

    private static final class Bundled {
        static final UiAssets INSTANCE = load(UiAssets.class.getClassLoader());
    }

    /** Path below {@code /ui/} → file; never changes after construction. */
    private final Map<String, Asset> assets;

    private UiAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** The runtime's own files, read on first use and shared by every server in this JVM. */
    static UiAssets bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads the pages and the WebJars from {@code loader}. */
    static UiAssets load(ClassLoader loader) {
        Map<String, Asset> assets = new HashMap<>();
        read(loader, PAGES).forEach((path, body) -> assets.put(path, asset(path, body, false)));
        for (String library : LIBRARIES) {
            read(loader, WEBJARS + library + "/")
                    .forEach((path, body) -> assets.put("lib/" + library + "/" + path, asset(path, body, true)));
        }
        if (!assets.containsKey("index.html")) {
            throw new IllegalStateException("the dashboard's index.html is not on the classpath under " + PAGES);
        }
        return new UiAssets(assets);
    }

    /** The file at {@code path} below {@code /ui/} (no leading slash). */
    Optional<Asset> get(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    /** Every path served, for tests. */
    java.util.Set<String> paths() {
        return assets.keySet();
    }

    private static Asset asset(String path, byte[] body, boolean versioned) {
        byte[] gzip = gzip(body);
        return new Asset(
                contentType(path),
                body,
                gzip.length < body.length ? gzip : null,
                "\"" + sha256(body).substring(0, 32) + "\"",
                versioned);
    }

    static String contentType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "md", "ts" -> "text/plain; charset=utf-8";
            default -> name.endsWith("license") ? "text/plain; charset=utf-8" : "application/octet-stream";
        };
    }

    /** Relative path → content of every file below the classpath folder {@code root}. */
    private static Map<String, byte[]> read(ClassLoader loader, String root) {
        URL url = loader.getResource(root);
        if (url == null) {
            throw new IllegalStateException("no " + root + " on the runtime's classpath");
        }
        Map<String, byte[]> files = new HashMap<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(root)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(entry.getName().substring(root.length()), in.readAllBytes());
                        }
                    }
                }
            } else {
                Path dir = Path.of(url.toURI());
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's files from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the dashboard's files from " + url, e);
        }
        return files;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
