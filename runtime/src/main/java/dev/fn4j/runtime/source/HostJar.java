package dev.fn4j.runtime.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The fn4j host jar every Java image runs, shipped inside the runtime's own jar as a resource and
 * copied out once to a file Jib can layer. Invariant: {@link #file()} is complete or absent.
 */
final class HostJar {

    /** Where the build put the host jar in the runtime's class path (runtime/pom.xml). */
    static final String RESOURCE = "/dev/fn4j/runtime/source/fn4j-host.jar";

    private final Path file;

    HostJar(Path dir) {
        this.file = dir.resolve("fn4j-host.jar");
    }

    /** The host jar on disk, copied out of the runtime at the first call. */
    synchronized Path file() throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        try (InputStream in = HostJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("this runtime was built without the fn4j host jar (" + RESOURCE
                        + "); build it with mvn package so Java uploads can be built");
            }
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "fn4j-host-", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
