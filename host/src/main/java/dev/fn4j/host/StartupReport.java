package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;

/**
 * Tells the runtime why the handler could not start: one fatal {@code handler_failed}
 * PlatformError in place of the Hello, so the runtime reports the cause at deploy time instead of
 * seeing only an exit code.
 */
final class StartupReport {

    /** At most this many of the user's stack lines follow the message. */
    static final int STACK_LINES = 5;

    /** How long to wait for the runtime to read the report and hang up before exiting anyway. */
    private static final int HANG_UP_WAIT_MILLIS = 5000;

    private StartupReport() {}

    /**
     * The report's text: the failure's one line, then up to {@link #STACK_LINES} frames of its
     * cause that belong to the function, each as {@code \tat frame}; frames from the JDK's
     * reflection and from the host itself (its relocated libraries included) are cut.
     */
    static String describe(StartupException failure) {
        StringBuilder text = new StringBuilder(failure.getMessage());
        Throwable cause = failure.getCause();
        if (cause == null) {
            return text.toString();
        }
        int lines = 0;
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (lines == STACK_LINES || isPlatform(frame.getClassName())) {
                break;
            }
            text.append("\n\tat ").append(frame);
            lines++;
        }
        return text.toString();
    }

    /**
     * Sends the report on one connection and waits, briefly, for the runtime to close it, so the
     * frame is read before the process exits. Best effort: without a socket there is nobody to tell.
     */
    static void send(HostConfig config, StartupException failure) {
        if (config.network() == null && !Files.exists(config.socket())) {
            return;
        }
        try (SocketChannel channel = Connector.connect(config)) {
            OutputStream out = Channels.newOutputStream(channel);
            FrameCodec.write(new Frame.PlatformError("", Protocol.HANDLER_FAILED, describe(failure), true), out);
            out.flush();
            awaitHangUp(channel);
        } catch (IOException | RuntimeException e) {
            // The exit code and the stderr line still tell the runtime what happened.
        }
    }

    private static void awaitHangUp(SocketChannel channel) throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HANG_UP_WAIT_MILLIS);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // The runtime hung up in time.
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            InputStream in = Channels.newInputStream(channel);
            while (in.read() != -1) {
                // The runtime sends nothing after a failure report; drain until it closes.
            }
        } finally {
            watchdog.interrupt();
        }
    }

    private static boolean isPlatform(String className) {
        return className.startsWith("java.lang.reflect.")
                || className.startsWith("jdk.internal.")
                || className.equals("java.lang.Class")
                || isHost(className);
    }

    /** The host's own classes and its relocated libraries; user classes may live in sub-packages. */
    private static boolean isHost(String className) {
        String host = "dev.fn4j.host.";
        return className.startsWith(host + "shaded.")
                || (className.startsWith(host) && className.indexOf('.', host.length()) < 0);
    }
}
