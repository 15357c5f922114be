package dev.fn4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory holding just the named classes, in their packages: what a loader outside the bench
 * sees. Takes names, not classes, so that a class whose API is not on the bench's class path
 * ({@link GcfEcho}) is never loaded here.
 */
final class ClassDir {

    private ClassDir() {}

    static Path of(Path dir, String... classNames) throws IOException {
        for (String className : classNames) {
            String resource = className.replace('.', '/') + ".class";
            Path file = dir.resolve(resource);
            Files.createDirectories(file.getParent());
            try (InputStream in = ClassDir.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("cannot find " + resource + " on the class path");
                }
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
