package dev.fn4j.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Answers "which handler interfaces does this class reach" by walking superclasses and
 * interfaces through the scanned classes and, lazily, the dependency jars and directories.
 */
final class ClassHierarchy implements Closeable {

    /** The scanned classes, by internal name. */
    private final Map<String, ClassFile> local;

    private final List<Path> dependencies;
    /** Opened on first use, in dependency order; closed by {@link #close()}. */
    private final Map<Path, ZipFile> openJars = new HashMap<>();
    /** Classes read from dependencies; an empty Optional means "not on the class path". */
    private final Map<String, Optional<ClassFile>> external = new HashMap<>();
    /** Memoized answers; an entry is present (empty) while its class is being resolved. */
    private final Map<String, Set<HandlerInfo.Kind>> kinds = new HashMap<>();

    ClassHierarchy(Map<String, ClassFile> local, List<Path> dependencies) {
        this.local = local;
        this.dependencies = List.copyOf(dependencies);
    }

    /** The handler interfaces the class implements, directly or inherited. */
    Set<HandlerInfo.Kind> handlerKinds(String internalName) throws IOException {
        Set<HandlerInfo.Kind> known = kinds.get(internalName);
        if (known != null) {
            return known; // also breaks cycles, which only malformed input can have
        }
        kinds.put(internalName, EnumSet.noneOf(HandlerInfo.Kind.class));
        EnumSet<HandlerInfo.Kind> found = EnumSet.noneOf(HandlerInfo.Kind.class);
        for (HandlerInfo.Kind kind : HandlerInfo.Kind.values()) {
            if (kind.internalName().equals(internalName)) {
                found.add(kind);
            }
        }
        Optional<ClassFile> type = find(internalName);
        if (type.isPresent()) {
            List<String> parents = new ArrayList<>(type.get().interfaces());
            if (type.get().superName() != null) {
                parents.add(type.get().superName());
            }
            for (String parent : parents) {
                found.addAll(handlerKinds(parent));
            }
        }
        kinds.put(internalName, found);
        return found;
    }

    /** Whether the class is among the scanned classes or the dependencies. */
    boolean has(String internalName) throws IOException {
        return find(internalName).isPresent();
    }

    private Optional<ClassFile> find(String internalName) throws IOException {
        ClassFile scanned = local.get(internalName);
        if (scanned != null) {
            return Optional.of(scanned);
        }
        // JDK classes never implement fn4j interfaces; skip the search through every jar.
        if (internalName.startsWith("java/") || internalName.startsWith("javax/")) {
            return Optional.empty();
        }
        Optional<ClassFile> cached = external.get(internalName);
        if (cached != null) {
            return cached;
        }
        Optional<ClassFile> read = Optional.empty();
        String entryName = internalName + ".class";
        for (Path dependency : dependencies) {
            byte[] bytes = readEntry(dependency, entryName);
            if (bytes != null) {
                read = Optional.of(ClassFile.parse(bytes, dependency + "!/" + entryName));
                break;
            }
        }
        external.put(internalName, read);
        return read;
    }

    /** The entry's bytes, or null when the dependency does not have it. */
    private byte[] readEntry(Path dependency, String entryName) throws IOException {
        if (Files.isDirectory(dependency)) {
            Path file = dependency.resolve(entryName);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        if (!Files.isRegularFile(dependency)) {
            return null; // a declared but missing dependency cannot hold anything
        }
        ZipFile jar = openJars.get(dependency);
        if (jar == null) {
            try {
                jar = new ZipFile(dependency.toFile());
            } catch (java.util.zip.ZipException e) {
                throw new IOException("cannot read dependency " + dependency + " as a jar: " + e.getMessage(), e);
            }
            openJars.put(dependency, jar);
        }
        ZipEntry entry = jar.getEntry(entryName);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ZipFile jar : openJars.values()) {
            try {
                jar.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        openJars.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
