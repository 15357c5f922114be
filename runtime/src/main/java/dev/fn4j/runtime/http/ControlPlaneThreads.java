package dev.fn4j.runtime.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one rule for the control plane's threads (the control port's IO and worker threads, the
 * control-plane pool): they run at {@link #PRIORITY}, above the threads that run calls, so that
 * while calls saturate the cores Linux still runs a health check, a scrape or an admin request
 * first. Java priorities reach Linux only when the JVM starts with {@code
 * -XX:ThreadPriorityPolicy=1} and may raise a thread's priority (root, or {@code CAP_SYS_NICE});
 * otherwise they change nothing and these threads run as any other ({@link #raised}).
 */
final class ControlPlaneThreads {

    /** {@link Thread#MAX_PRIORITY}: nice -5 under {@code ThreadPriorityPolicy=1}. */
    static final int PRIORITY = Thread.MAX_PRIORITY;

    /** The JVM flag that makes Java thread priorities Linux nice values. */
    static final String JVM_FLAG = "-XX:ThreadPriorityPolicy=1";

    /** The nice value's index among the fields of {@code /proc/<pid>/task/<tid>/stat} after the name (proc(5): field 19). */
    static final int NICE_FIELD = 16;

    private ControlPlaneThreads() {}

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … at {@link #PRIORITY}. */
    static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(PRIORITY);
            return thread;
        };
    }

    /**
     * Runs {@code start} on a thread at {@link #PRIORITY} and waits for it; returns whether Linux
     * runs that thread above normal priority ({@link #raised}). A Java thread takes its creator's
     * priority, so the threads Undertow creates there (its IO threads at once, its worker threads
     * later from those) run at it too; Undertow has no option that sets it.
     */
    static boolean startAtPriority(Runnable start) {
        RuntimeException[] failure = new RuntimeException[1];
        boolean[] raised = new boolean[1];
        Thread starter = new Thread(
                () -> {
                    try {
                        start.run();
                        raised[0] = raised();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                },
                "fn4j-control-start");
        starter.setPriority(PRIORITY);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the control port", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return raised[0];
    }

    /**
     * Whether Linux runs the calling thread above normal priority (a nice value below 0), read from
     * {@code /proc/thread-self/stat}; false where there is no such file. It is what the JVM flag and
     * the right to raise priority together achieve, so it tells when either is missing.
     */
    static boolean raised() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The name, in parentheses, may hold spaces: fields are counted after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[NICE_FIELD]) < 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
