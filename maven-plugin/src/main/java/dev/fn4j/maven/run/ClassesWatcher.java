package dev.fn4j.maven.run;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a directory tree, the project's {@code target/classes}, and reports every file created,
 * changed or deleted in it, relative to its root; directories created later are watched too, and
 * the tree is watched again when it is deleted and made anew ({@code mvn clean compile}).
 */
final class ClassesWatcher implements AutoCloseable {

    private final Path root;
    private final WatchService service;
    /** The directory each registered key watches; only the watch loop's thread touches it. */
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    ClassesWatcher(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(this.root);
    }

    /**
     * Waits up to {@code millis} for changes and hands each changed path, relative to the root,
     * to {@code changed}; returns sooner when changes come.
     */
    void poll(long millis, Consumer<Path> changed) throws IOException, InterruptedException {
        if (dirs.isEmpty() && Files.isDirectory(root)) {
            // The tree was gone (or never there) and is back: all of it is new.
            registerTree(root);
            reportFiles(root, changed);
        }
        WatchKey key = service.poll(Math.max(1, millis), TimeUnit.MILLISECONDS);
        while (key != null) {
            handle(key, changed);
            key = service.poll();
        }
    }

    private void handle(WatchKey key, Consumer<Path> changed) throws IOException {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                // Events were lost: the whole tree may have changed.
                changed.accept(Path.of(""));
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                registerTree(path);
                reportFiles(path, changed);
            } else if (!Files.isDirectory(path)) {
                changed.accept(root.relativize(path));
            }
        }
        if (!key.reset()) {
            dirs.remove(key);
        }
    }

    /** Reports the files already in a new directory: they may have been written before it was watched. */
    private void reportFiles(Path dir, Consumer<Path> changed) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> changed.accept(root.relativize(file)));
        } catch (NoSuchFileException | UncheckedIOException e) {
            // Deleted while walked (a clean build): its deletion is reported as an event.
        }
    }

    private void registerTree(Path top) throws IOException {
        if (!Files.isDirectory(top)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(top)) {
            for (Path dir : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            }
        } catch (NoSuchFileException | UncheckedIOException e) {
            // Deleted while walked: watched again when it comes back.
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
