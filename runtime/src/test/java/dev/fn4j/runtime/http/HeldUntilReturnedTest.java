package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.invoke.Trampoline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldUntilReturnedTest {

    private final List<Runnable> elsewhere = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();
    private final HeldUntilReturned continuation = new HeldUntilReturned(new Trampoline(elsewhere::add), task -> () -> {
        ran.add("wrapped");
        task.run();
    });

    @Test
    void holdsAContinuationHandedOverBeforeTheHandlerReturnedThenRunsItOnTheHandlersThread() {
        continuation.execute(() -> ran.add("call r2"));
        assertThat(ran).as("not before the handler returned").isEmpty();

        continuation.handlerReturned();

        assertThat(ran).containsExactly("wrapped", "call r2");
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void handsAContinuationThatComesAfterTheHandlerReturnedToTheTrampoline() {
        continuation.handlerReturned();

        continuation.execute(() -> ran.add("call r2"));

        assertThat(ran).isEmpty();
        assertThat(elsewhere).hasSize(1);
        elsewhere.get(0).run();
        assertThat(ran).containsExactly("wrapped", "call r2");
    }

    @Test
    void refusesASecondContinuation() {
        continuation.execute(() -> ran.add("call r2"));

        assertThatThrownBy(() -> continuation.execute(() -> ran.add("again")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a call has one continuation; a second was handed over");
    }
}
