package dev.fn4j.runtime.http;

import dev.fn4j.runtime.invoke.Trampoline;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The continuation of one synchronous call that waits for a slot: holds it until the handler that
 * started the call has returned, so that an answer sent from another thread never races that
 * handler on its exchange, then runs it on the {@link Trampoline}. A continuation handed over
 * before the handler returned runs on the handler's own thread once it has.
 *
 * <p>Invariant: it runs the one continuation it is handed exactly once, and never before
 * {@link #handlerReturned}.
 */
final class HeldUntilReturned implements Executor {

    private final Trampoline trampoline;
    /** Wraps the continuation for the thread that runs it (the call's request id on its log lines). */
    private final UnaryOperator<Runnable> wrap;
    /** Guarded by this: the continuation handed over before the handler returned, else null. */
    private Runnable held;
    /** Guarded by this: set once, when the handler has returned. */
    private boolean returned;

    HeldUntilReturned(Trampoline trampoline, UnaryOperator<Runnable> wrap) {
        this.trampoline = trampoline;
        this.wrap = wrap;
    }

    @Override
    public void execute(Runnable continuation) {
        Runnable task = wrap.apply(continuation);
        synchronized (this) {
            if (!returned) {
                if (held != null) {
                    throw new IllegalStateException("a call has one continuation; a second was handed over");
                }
                held = task;
                return;
            }
        }
        trampoline.execute(task);
    }

    /** Called once the handler has returned, on its thread: runs a continuation held meanwhile here. */
    void handlerReturned() {
        Runnable task;
        synchronized (this) {
            returned = true;
            task = held;
            held = null;
        }
        if (task != null) {
            trampoline.run(task);
        }
    }
}
