package dev.fn4j.bench;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.instance.ArchiveKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cold-start benchmark's image ({@link ColdStartGreeter} on the local base image, built as
 * {@code mvn fn:build} builds it and loaded into Docker), its containers' command lines, and the
 * training run that writes the revision's AppCDS archive.
 */
final class ColdStartImage {

    private ColdStartImage() {}

    static void build(String base, Path hostJar, Path work, String image) throws Exception {
        Path classes = EchoImage.classesDir(work);
        Path tar = work.resolve("cold.tar");
        new FunctionImageBuilder()
                .build(ImageBuildRequest.builder()
                        .baseImage(BaseImage.parse("docker://" + base))
                        .hostJar(hostJar)
                        .classesDir(classes)
                        .dependencies(List.of())
                        .handlers(List.of(ColdStartGreeter.class.getName()))
                        .labels(Map.of("dev.fn4j.bench", "true"))
                        .output(ImageOutput.tar(tar, image))
                        .build());
        Docker.check(300, "load", "-i", tar.toString());
    }

    /** The host's environment for the greeter, as the runtime gives it. */
    static Map<String, String> env() {
        Map<String, String> env = new java.util.LinkedHashMap<>(HostEnv.of(HostEnv.CONTAINER_SOCKET));
        env.put(Protocol.ENV_HANDLER, ColdStartGreeter.class.getName());
        return env;
    }

    /** A socket directory as the runtime makes one, listening. */
    static ServerSocketChannel listen(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Path socket = dir.resolve(Protocol.SOCKET_FILE);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        return server;
    }

    /** {@code docker create} with the runtime's lock-down and {@code java <command>} as the entrypoint. */
    static List<String> createArgs(String image, dev.fn4j.runtime.engine.InstanceSpec spec, List<String> command) {
        List<String> args = new ArrayList<>(DockerRunCommand.of(spec));
        args.set(0, "create");
        args.remove(1); // -d
        args.remove(args.size() - 1); // the spec's image
        args.add("--entrypoint");
        args.add("java");
        args.add(image);
        args.addAll(command);
        return args;
    }

    /**
     * Runs the image once with the runtime's training flags for {@code kind}: start, one call, hang
     * up (the host exits, the JVM writes the archive). Returns the archive, read-only.
     */
    static Path train(String image, Path work, String run, ArchiveKind kind) throws Exception {
        Path dir = work.resolve("train-" + run);
        try (ServerSocketChannel server = listen(dir)) {
            Path out = Files.createDirectories(dir.resolve("cds"));
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            List<String> command = new ArrayList<>(kind.train("/fn4j/cds/" + kind.file()));
            command.addAll(ColdStartVariant.entrypointArgs(command));
            String id = Docker.check(
                            60,
                            createArgs(
                                            image,
                                            ColdStartPhases.spec(dir, run + "-train", ArchiveKind.env(command)),
                                            command)
                                    .toArray(String[]::new))
                    .trimmed();
            try {
                long t0 = System.nanoTime();
                Docker.check(60, "start", id);
                SocketChannel channel = server.accept();
                InputStream in = Channels.newInputStream(channel);
                OutputStream out2 = Channels.newOutputStream(channel);
                FrameCodec.read(in);
                FrameCodec.write(
                        new Frame.Invoke(
                                "t1",
                                System.currentTimeMillis() + 30_000,
                                List.of(new Frame.Header("content-type", "application/json")),
                                "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8)),
                        out2);
                out2.flush();
                FrameCodec.read(in);
                channel.close();
                Docker.check(120, "wait", id);
                Path archive = out.resolve(kind.file());
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalStateException("the training run wrote no " + kind + ": "
                            + Docker.run(30, "logs", id).output());
                }
                Bench.log("training run: " + Files.size(archive) / 1024 + " KiB " + kind + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("r--r--r--"));
                return archive;
            } finally {
                Docker.run(60, "rm", "-f", id);
            }
        }
    }
}
