package dev.fn4j.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a request into Jib layers ordered from least to most often changed, so a code change
 * re-uploads only the small classes layer.
 */
final class FunctionLayers {

    /**
     * Every entry's modification time. Constant so equal inputs give equal layer digests; one
     * second after the epoch (Jib's own default) because some tools read 0 as "unknown".
     */
    static final Instant MODIFICATION_TIME = FileEntriesLayer.DEFAULT_MODIFICATION_TIME;

    static final FilePermissions FILE_PERMISSIONS = FilePermissions.fromOctalString("644");
    static final FilePermissions DIRECTORY_PERMISSIONS = FilePermissions.fromOctalString("755");

    /** The fn4j-api jar is shaded into the host jar; a second copy could only clash. */
    private static final String API_JAR_PREFIX = "fn4j-api-";

    private FunctionLayers() {}

    /** The layers for a request, empty ones left out. */
    static List<FileEntriesLayer> of(ImageBuildRequest request) throws IOException {
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        for (Path jar : request.dependencies()) {
            String name = jar.getFileName().toString();
            if (name.startsWith(API_JAR_PREFIX)) {
                continue;
            }
            (name.contains("-SNAPSHOT") ? snapshots : releases).add(jar);
        }
        List<FileEntriesLayer> layers = new ArrayList<>();
        layers.add(FileEntriesLayer.builder()
                .setName("host")
                .addEntry(
                        request.hostJar(),
                        AbsoluteUnixPath.get(ImageLayout.HOST_JAR),
                        FILE_PERMISSIONS,
                        MODIFICATION_TIME)
                .build());
        addJars(layers, "dependencies", releases, ImageLayout.LIBS_DIR);
        addJars(layers, "snapshot dependencies", snapshots, ImageLayout.SNAPSHOT_LIBS_DIR);
        if (request.resourcesDir().isPresent()) {
            addDirectory(layers, "resources", request.resourcesDir().get(), ImageLayout.RESOURCES_DIR);
        }
        addDirectory(layers, "classes", request.classesDir(), ImageLayout.CLASSES_DIR);
        return layers;
    }

    private static void addJars(List<FileEntriesLayer> layers, String name, List<Path> jars, String directory)
            throws IOException {
        if (jars.isEmpty()) {
            return;
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        Set<String> taken = new HashSet<>();
        for (Path jar : jars) {
            String fileName = uniqueName(jar, taken);
            layer.addEntry(jar, AbsoluteUnixPath.get(directory).resolve(fileName), FILE_PERMISSIONS, MODIFICATION_TIME);
        }
        layers.add(layer.build());
    }

    /**
     * Two artifacts can share a file name (same artifactId and version, different groupId); like
     * Jib's own plugins, the later one gets its size appended so both land on the class path.
     */
    private static String uniqueName(Path jar, Set<String> taken) throws IOException {
        String fileName = jar.getFileName().toString();
        if (taken.add(fileName)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        String renamed = stem + "-" + Files.size(jar) + extension;
        for (int i = 2; !taken.add(renamed); i++) {
            renamed = stem + "-" + Files.size(jar) + "-" + i + extension;
        }
        return renamed;
    }

    private static void addDirectory(List<FileEntriesLayer> layers, String name, Path source, String target)
            throws IOException {
        FileEntriesLayer layer = FileEntriesLayer.builder()
                .setName(name)
                .addEntryRecursive(
                        source,
                        AbsoluteUnixPath.get(target),
                        (file, inContainer) -> Files.isDirectory(file) ? DIRECTORY_PERMISSIONS : FILE_PERMISSIONS,
                        (file, inContainer) -> MODIFICATION_TIME)
                .build();
        layers.add(layer);
    }
}
