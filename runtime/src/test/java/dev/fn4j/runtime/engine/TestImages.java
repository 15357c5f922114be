package dev.fn4j.runtime.engine;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds test images into tar archives with Jib, as the fn4j Maven plugin does, so that the
 * engine is tested on the archives it will really receive.
 */
final class TestImages {

    /** An image tar and what Jib says it built. */
    record Built(Path tar, String imageId, String reference) {}

    private TestImages() {}

    /** The base image the probe image starts from; failsafe passes the parent pom's property. */
    static String baseImage() {
        return System.getProperty("fn4j.test.baseImage", "fn4j/jre-base:17");
    }

    /**
     * An image that runs {@link EngineProbe} on the local base JRE image, in docker-archive format.
     */
    static Built probe(Path work, String reference, Map<String, String> labels) throws Exception {
        Path staging = Files.createDirectories(work.resolve("probe-classes"));
        Path packageDir = Files.createDirectories(staging.resolve("dev/fn4j/runtime/engine"));
        Path compiled = Path.of(EngineProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/fn4j/runtime/engine");
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(compiled, "EngineProbe*.class")) {
            for (Path c : classes) {
                Files.copy(c, packageDir.resolve(c.getFileName()));
            }
        }
        JibContainerBuilder builder = Jib.from(DockerDaemonImage.named(baseImage()))
                .addLayer(List.of(staging.resolve("dev")), AbsoluteUnixPath.get("/app/classes"))
                .setEntrypoint(
                        "java", "-XX:+UseSerialGC", "-Xss512k", "-cp", "/app/classes", EngineProbe.class.getName())
                .setLabels(labels);
        return build(builder, work, reference, ImageFormat.Docker);
    }

    /** A base-less image holding the given files (path in image → content). */
    static Built scratch(
            Path work, String reference, ImageFormat format, Map<String, String> files, Map<String, String> labels)
            throws Exception {
        JibContainerBuilder builder = Jib.fromScratch()
                .setEntrypoint("/nothing-to-run")
                .setLabels(labels)
                .setFormat(format);
        int n = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            int slash = path.lastIndexOf('/');
            Path dir = Files.createDirectories(work.resolve("scratch-" + n++));
            Path source = Files.writeString(dir.resolve(path.substring(slash + 1)), file.getValue());
            builder.addLayer(List.of(source), AbsoluteUnixPath.get(slash <= 0 ? "/" : path.substring(0, slash)));
        }
        return build(builder, work, reference, format);
    }

    private static Built build(JibContainerBuilder builder, Path work, String reference, ImageFormat format)
            throws Exception {
        Path tar = work.resolve(reference.replaceAll("[^A-Za-z0-9]", "_") + "-" + format + ".tar");
        JibContainer built =
                builder.containerize(Containerizer.to(TarImage.at(tar).named(reference))
                        .setBaseImageLayersCache(work.resolve("jib-base-cache"))
                        .setApplicationLayersCache(work.resolve("jib-app-cache")));
        return new Built(tar, built.getImageId().toString(), reference);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // test cleanup only
        }
    }
}
