package dev.fn4j.host;

import dev.fn4j.protocol.StemAssignment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * A stem host's wait for its function: blocks until the runtime's {@link StemAssignment} appears
 * in the socket directory, and reads it. The runtime writes it under another name and renames it,
 * so the file is whole when it appears.
 */
final class StemWait {

    /** A backstop should an event be missed: the runtime is waiting for this instance's Hello. */
    private static final long RECHECK_MILLIS = 200;

    private StemWait() {}

    /**
     * Waits for and reads the assignment in {@code dir}.
     *
     * @throws IOException when the directory cannot be watched or the file is not an assignment
     */
    static StemAssignment await(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve(StemAssignment.FILE);
        // Watch before looking, so that a file renamed in between is not missed.
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(file)) {
                WatchKey key = watch.poll(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return StemAssignment.read(in);
        }
    }
}
