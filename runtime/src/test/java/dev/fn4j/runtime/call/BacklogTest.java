package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The backlog's places: per function up to its maxBacklog, in all up to the runtime's cap. */
class BacklogTest {

    @Test
    void aFunctionAtItsMaxBacklogIsRefusedWithRetryAfterWhileOthersAreNot() {
        Backlog backlog = new Backlog(100);
        backlog.take("a", 2);
        backlog.take("a", 2);

        ApiException full = catchThrowableOfType(ApiException.class, () -> backlog.take("a", 2));
        backlog.take("b", 2);

        assertThat(full.code()).isEqualTo(ErrorCode.BACKLOG_FULL);
        assertThat(full.getMessage()).contains("maxBacklog").contains("'a'").contains("2 asynchronous calls");
        assertThat(full.retryAfter()).isEqualTo(Backlog.RETRY_AFTER);
        assertThat(backlog.total()).isEqualTo(3);
    }

    @Test
    void theRuntimeCapBindsAllFunctionsTogether() {
        Backlog backlog = new Backlog(2);
        backlog.take("a", 10);
        backlog.take("b", 10);

        ApiException full = catchThrowableOfType(ApiException.class, () -> backlog.take("c", 10));

        assertThat(full.code()).isEqualTo(ErrorCode.BACKLOG_FULL);
        assertThat(full.getMessage()).contains("--max-backlog");
    }

    @Test
    void anEndedCallGivesItsPlaceBackAndRecoveredCallsCount() {
        Backlog backlog = new Backlog(10);
        backlog.add("a", 3);
        backlog.take("a", 4);
        backlog.release("a");
        backlog.release("a");

        assertThat(backlog.of("a")).isEqualTo(2);
        assertThat(backlog.holders()).containsExactly("a");
        backlog.release("a");
        backlog.release("a");
        backlog.release("a");
        assertThat(backlog.of("a")).isZero();
        assertThat(backlog.total()).isZero();
        assertThat(backlog.holders()).isEmpty();
    }
}
