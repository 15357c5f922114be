package dev.fn4j.runtime.invoke;

import java.util.concurrent.Executor;

/**
 * Runs a call that waited for a slot on the thread that freed the slot, once that thread's own
 * task has ended, instead of waking another thread for it: a call's end hands its slot to the
 * oldest waiting call, and under load that hand-off was a park and a wake-up per call
 * (docs/benchmarks.md, "Issue 11, eighth pass"). A trampoline, not recursion: a task handed to a
 * thread inside {@link #run} waits until the current one has returned, so a chain of waiting
 * calls never nests. Anywhere else, a task goes to the executor given.
 *
 * <p>Invariants: every task handed to {@link #execute} runs exactly once, here or elsewhere. At
 * most one task waits on a thread: a call's end frees one slot, so one waiting call follows it;
 * should more be handed over at once (several slots freed together), the others go elsewhere
 * rather than wait, slot in hand, behind a call that may run for minutes.
 */
public final class Trampoline implements Executor {

    /** Per thread: whether it runs inside {@link #run}, and the one task waiting there. */
    private static final class Pending {
        boolean running;
        /** Null when no task waits; only ever set while {@link #running}. */
        Runnable next;
    }

    private static final ThreadLocal<Pending> PENDING = ThreadLocal.withInitial(Pending::new);

    /** Runs, each inside {@link #run}, the tasks handed to a thread that is not inside it. */
    private final Executor elsewhere;

    public Trampoline(Executor elsewhere) {
        this.elsewhere = elsewhere;
    }

    /**
     * Runs {@code first} on this thread, then the task handed to this thread meanwhile, and so on
     * down the chain. Inside another {@code run} on this thread it is handed over as
     * {@link #execute} hands a task.
     */
    public void run(Runnable first) {
        Pending pending = PENDING.get();
        if (pending.running) {
            execute(first);
            return;
        }
        pending.running = true;
        try {
            for (Runnable task = first; task != null; ) {
                runReporting(task);
                task = pending.next;
                pending.next = null;
            }
        } finally {
            pending.running = false;
            // Only an Error ends the loop early: a task left waiting still runs, elsewhere.
            Runnable left = pending.next;
            pending.next = null;
            if (left != null) {
                handOff(left);
            }
        }
    }

    /**
     * Keeps {@code task} to run next on this thread when it is inside {@link #run} and no other
     * task waits there; else hands it elsewhere.
     */
    @Override
    public void execute(Runnable task) {
        Pending pending = PENDING.get();
        if (pending.running && pending.next == null) {
            pending.next = task;
        } else {
            handOff(task);
        }
    }

    /** Runs {@code task} elsewhere, inside {@link #run} there, so that the call it frees a slot for follows it. */
    private void handOff(Runnable task) {
        elsewhere.execute(() -> run(task));
    }

    /** One task's failure must not cost the task waiting after it its turn. */
    private static void runReporting(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
    }
}
