package dev.fn4j.host;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The function's own class loader: its classes, resources and libraries over the JDK and
 * {@code dev.fn4j.api} only. The host's classes and the libraries it relocated are never visible
 * through it, so the function's own Jackson, Guava or SLF4J binding is the one its code gets.
 */
final class FunctionClassLoader extends URLClassLoader {

    /** The package the host shares with the function; every other class of the host stays hidden. */
    static final String API_PACKAGE = "dev.fn4j.api.";

    static {
        registerAsParallelCapable();
    }

    /**
     * @param path the function's class path entries: directories and jars
     * @param host the loader of the host, which defines the {@code dev.fn4j.api} classes
     */
    FunctionClassLoader(List<Path> path, ClassLoader host) {
        // Unnamed: a named loader would prefix every frame of the function's stack traces.
        super(urls(path), new ApiOnly(host));
    }

    /**
     * The function's loader for a class path that also names the host's own jar or directory:
     * every entry but the one the host was loaded from. A {@code dir/*} entry stands for the
     * directory's jars, as the java launcher expands it (the JVM's class path arrives expanded;
     * the runtime's {@code FN4J_CLASS_PATH} does not).
     */
    static FunctionClassLoader fromClassPath(String classPath, Path hostLocation, ClassLoader host) {
        List<Path> entries = new ArrayList<>();
        Path own = hostLocation.toAbsolutePath().normalize();
        for (String entry : expandWildcards(classPath)) {
            if (!entry.isEmpty()) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                if (!path.equals(own)) {
                    entries.add(path);
                }
            }
        }
        return new FunctionClassLoader(entries, host);
    }

    /** The class path's entries, each {@code dir/*} replaced by the directory's jars (sorted); none when missing. */
    static List<String> expandWildcards(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.equals("*") && !entry.endsWith(File.separator + "*")) {
                entries.add(entry);
                continue;
            }
            File dir = new File(entry.substring(0, entry.length() - 1));
            String[] names = dir.list((d, name) -> name.endsWith(".jar") || name.endsWith(".JAR"));
            if (names != null) {
                java.util.Arrays.sort(names);
                for (String name : names) {
                    entries.add(new File(dir, name).getPath());
                }
            }
        }
        return entries;
    }

    /** Where the host's classes were loaded from: the shaded jar in an image. */
    static Path hostLocation() {
        CodeSource source = FunctionClassLoader.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the host was loaded from: " + source, e);
        }
    }

    private static URL[] urls(List<Path> path) {
        URL[] urls = new URL[path.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = path.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + path.get(i), e);
            }
        }
        return urls;
    }

    /** The parent: the JDK's platform loader, plus the API classes of the host's loader. */
    private static final class ApiOnly extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader host;

        ApiOnly(ClassLoader host) {
            super(ClassLoader.getPlatformClassLoader());
            this.host = host;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(API_PACKAGE)) {
                return host.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
