package dev.fn4j.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Google's Functions Framework invoker ({@code java-function-invoker} 2.0.0, Jetty) serving
 * {@link GcfEcho} in its own JVM on a loopback port: the same echo in-process, behind the HTTP
 * server a GCF user would run. Started and stopped by the bench.
 */
final class GcfInvoker implements AutoCloseable {

    /** By name: the bench cannot load the class, whose API only the invoker's jar holds. */
    private static final String TARGET = "dev.fn4j.bench.GcfEcho";

    private final Process process;
    private final int port;

    private GcfInvoker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the invoker from {@code jar} and waits until its port accepts connections. */
    static GcfInvoker start(Path jar, Path workDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no GCF invoker jar at " + jar
                    + " (com.google.cloud.functions.invoker:java-function-invoker:2.0.0 from Maven Central,"
                    + " copied by the bench build)");
        }
        Path classes = ClassDir.of(workDir.resolve("gcf-classes"), TARGET);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        jar.toString(),
                        "--classpath",
                        classes.toString(),
                        "--target",
                        TARGET,
                        "--port",
                        Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("gcf-invoker.log").toFile())
                .start();
        GcfInvoker invoker = new GcfInvoker(process, port);
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < stop) {
            if (!process.isAlive()) {
                throw new IOException("the GCF invoker exited with " + process.exitValue() + "; see "
                        + workDir.resolve("gcf-invoker.log"));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return invoker;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        invoker.close();
        throw new IOException("the GCF invoker did not listen within 60s");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
