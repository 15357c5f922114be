package dev.fn4j.runtime.testing;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks only when told, so a test decides when background work happens. */
public final class ManualExecutor implements Executor {
    public final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    public void runAll() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }
}
