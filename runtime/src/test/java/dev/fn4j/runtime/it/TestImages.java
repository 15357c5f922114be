package dev.fn4j.runtime.it;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.it.fns.Chatter;
import dev.fn4j.runtime.it.fns.Crasher;
import dev.fn4j.runtime.it.fns.EnvProbe;
import dev.fn4j.runtime.it.fns.FailsAtStart;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.HttpEcho;
import dev.fn4j.runtime.it.fns.MemoryHog;
import dev.fn4j.runtime.it.fns.Misbehaver;
import dev.fn4j.runtime.it.fns.Sleeper;
import dev.fn4j.runtime.it.fns.SnappyRoundTrip;
import dev.fn4j.runtime.it.fns.SqliteNotes;
import dev.fn4j.runtime.it.fns.Thrower;
import dev.fn4j.runtime.it.fns.Ticker;
import dev.fn4j.runtime.it.fns.TmpUser;
import dev.fn4j.runtime.it.fns.ZstdRoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the test functions' image once per test JVM with fn4j-image, on the local base image,
 * as an image archive to upload; the image is removed from the engine when the JVM ends.
 */
public final class TestImages {

    public static final List<String> HANDLERS = List.of(
            Greeter.class.getName(),
            Sleeper.class.getName(),
            Thrower.class.getName(),
            Crasher.class.getName(),
            MemoryHog.class.getName(),
            HttpEcho.class.getName(),
            Chatter.class.getName(),
            Misbehaver.class.getName(),
            TmpUser.class.getName(),
            FailsAtStart.class.getName(),
            Ticker.class.getName(),
            EnvProbe.class.getName());

    /** The functions that load native libraries, in their own image with the libraries' jars. */
    public static final List<String> NATIVE_HANDLERS =
            List.of(SqliteNotes.class.getName(), ZstdRoundTrip.class.getName(), SnappyRoundTrip.class.getName());

    private static Path archive;
    private static Path nativeArchive;
    /** Base image to the archive of every test function on it, for {@link #functionsOn}. */
    private static final Map<String, Path> onOtherBases = new java.util.HashMap<>();

    private TestImages() {}

    /** The image archive holding every test function. */
    public static synchronized Path functions() throws Exception {
        if (archive == null) {
            archive = build("fn4j-it/functions:", List.of(), HANDLERS);
        }
        return archive;
    }

    /** The image archive holding every test function, on {@code base} (fn4j/jre-base:25, say). */
    public static synchronized Path functionsOn(String base) throws Exception {
        Path onBase = onOtherBases.get(base);
        if (onBase == null) {
            onBase = build("fn4j-it/functions:", List.of(), HANDLERS, base);
            onOtherBases.put(base, onBase);
        }
        return onBase;
    }

    /**
     * The image archive of {@link #NATIVE_HANDLERS}, with the real sqlite-jdbc, zstd-jni and
     * snappy-java jars the build copied from Maven Central as its dependencies.
     */
    public static synchronized Path nativeLibraries() throws Exception {
        if (nativeArchive == null) {
            Path libs = Path.of(System.getProperty("fn4j.test.nativeLibs", "target/it-native-libs"));
            List<Path> jars;
            try (Stream<Path> files = Files.list(libs)) {
                jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            }
            nativeArchive = build("fn4j-it/native-libraries:", jars, NATIVE_HANDLERS);
        }
        return nativeArchive;
    }

    private static Path build(String repository, List<Path> dependencies, List<String> handlers) throws Exception {
        return build(repository, dependencies, handlers, baseImage());
    }

    private static Path build(String repository, List<Path> dependencies, List<String> handlers, String base)
            throws Exception {
        String name = repository + Ids.instanceId();
        Path dir = Files.createDirectories(Path.of("target", "it-images"));
        Path tar = dir.resolve(name.replace('/', '-').replace(':', '-') + ".tar");
        new FunctionImageBuilder()
                .build(ImageBuildRequest.builder()
                        .baseImage(BaseImage.parse("docker://" + base))
                        .hostJar(Path.of(System.getProperty("fn4j.test.hostJar", "target/it-host/fn4j-host.jar")))
                        .classesDir(Path.of("target", "test-classes"))
                        .dependencies(dependencies)
                        .handlers(handlers)
                        .labels(Map.of("dev.fn4j.test", "true"))
                        .output(ImageOutput.tar(tar, name))
                        .build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeImage(name)));
        return tar;
    }

    static String baseImage() {
        return System.getProperty("fn4j.test.baseImage", "fn4j/jre-base:17");
    }

    static void removeImage(String name) {
        try {
            new ProcessBuilder("docker", "rmi", "-f", name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (Exception e) {
            // Best effort: a leftover test image holds disk, not containers.
        }
    }
}
