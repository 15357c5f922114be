package dev.fn4j.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the handler classes in a compiled classes directory by reading class files, never by
 * loading them, so no static initializer of user code runs inside the build.
 *
 * <p>A handler is a public, concrete, top-level or static member class with a public no-arg
 * constructor that implements {@code dev.fn4j.api.Handler} or {@code dev.fn4j.api.HttpHandler},
 * or one of the other platforms' handler interfaces of {@link HandlerInfo.Kind} (AWS Lambda's,
 * Google Cloud Functions'), matched by name, no annotation needed, directly or through
 * superclasses and superinterfaces found in the classes directory or the dependencies. A class
 * implementing both of fn4j's counts as an {@code HTTP_HANDLER}, the more specific.
 */
public final class HandlerScanner {

    private HandlerScanner() {}

    /**
     * The usable handlers in {@code classesDir}, sorted by class name.
     *
     * @param dependencies jars (or class directories) that may hold superclasses and interfaces
     * @throws ClassFileException when a class file is malformed
     * @throws IOException        when a file cannot be read
     */
    public static List<HandlerInfo> scan(Path classesDir, List<Path> dependencies) throws IOException {
        return scanDetailed(classesDir, dependencies).handlers();
    }

    /** Like {@link #scan}, also reporting the handler classes that are not usable and why. */
    public static HandlerScan scanDetailed(Path classesDir, List<Path> dependencies) throws IOException {
        if (classesDir == null || !Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("classes directory does not exist: " + classesDir);
        }
        Map<String, ClassFile> local = readClasses(classesDir);
        List<HandlerInfo> handlers = new ArrayList<>();
        Map<String, String> rejected = new HashMap<>();
        try (ClassHierarchy hierarchy = new ClassHierarchy(local, dependencies == null ? List.of() : dependencies)) {
            for (ClassFile type : local.values()) {
                Set<HandlerInfo.Kind> kinds = hierarchy.handlerKinds(type.name());
                // Interfaces extending Handler are a normal way to share a contract, not a mistake.
                if (kinds.isEmpty() || type.isInterface()) {
                    continue;
                }
                String problem = problem(type);
                if (problem != null) {
                    rejected.put(type.className(), problem);
                    continue;
                }
                HandlerInfo.Kind kind = kind(kinds);
                // The host finds another platform's API only in the function's own dependencies.
                if (kind.artifact() != null && !hierarchy.has(kind.internalName())) {
                    rejected.put(
                            type.className(),
                            "needs " + kind.artifact() + " at run time, which is not among its runtime dependencies;"
                                    + " declare it with compile scope, not provided");
                    continue;
                }
                handlers.add(new HandlerInfo(type.className(), kind));
            }
        }
        handlers.sort(Comparator.comparing(HandlerInfo::className));
        return new HandlerScan(classesDir, handlers, rejected);
    }

    /** HTTP_HANDLER, the more specific of fn4j's two, first; then the first in declaration order. */
    private static HandlerInfo.Kind kind(Set<HandlerInfo.Kind> kinds) {
        return kinds.contains(HandlerInfo.Kind.HTTP_HANDLER)
                ? HandlerInfo.Kind.HTTP_HANDLER
                : kinds.iterator().next();
    }

    /** Why the host could not instantiate the class, or null when it can. */
    private static String problem(ClassFile type) {
        if (type.isAbstract()) {
            return "is abstract";
        }
        if (type.nested() && !type.memberClass()) {
            return "is a local or anonymous class";
        }
        if (!type.isPublic()) {
            return "is not public";
        }
        if (type.nested() && !type.isStatic()) {
            return "is an inner class; make it static";
        }
        if (!type.publicNoArgConstructor()) {
            return "has no public no-argument constructor";
        }
        return null;
    }

    private static Map<String, ClassFile> readClasses(Path classesDir) throws IOException {
        Map<String, ClassFile> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class")
                        || fileName.equals("module-info.class")
                        || fileName.equals("package-info.class")
                        || !Files.isRegularFile(file)) {
                    continue;
                }
                ClassFile type = ClassFile.parse(Files.readAllBytes(file), file.toString());
                classes.put(type.name(), type);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // Files.walk reports unreadable directories this way
        }
        return classes;
    }
}
