package dev.fn4j.runtime;

import org.slf4j.Logger;

/**
 * Stops the runtime when the process that started it ends ({@code --parent-pid}), however it
 * ends, {@code kill -9} included: a runtime started by {@code mvn fn:run} must not outlive the
 * build, nor keep its containers. Exiting runs the shutdown hook, which removes them.
 */
final class ParentWatch {

    /** The exit status when the parent is gone: the runtime was told to stop, not broken. */
    static final int EXIT_PARENT_GONE = 0;

    private ParentWatch() {}

    /** Exits the JVM once process {@code pid} has ended (at once if it has); nothing for 0. */
    static void stopWhenGone(long pid, Logger log) {
        if (pid == 0) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::onExit)
                .ifPresentOrElse(ended -> ended.thenRun(() -> exit(pid, log)), () -> exit(pid, log));
    }

    private static void exit(long pid, Logger log) {
        log.info("the process that started this runtime ({}) has ended; stopping", pid);
        // From a thread of its own: exit blocks until the shutdown hook has closed the runtime.
        new Thread(() -> System.exit(EXIT_PARENT_GONE), "fn4j-parent-gone").start();
    }
}
