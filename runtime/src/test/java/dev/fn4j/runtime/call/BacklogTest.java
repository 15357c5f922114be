package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.Map;
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
        backlog.stored("a");
        end(backlog, "a");
        end(backlog, "a");

        assertThat(backlog.of("a")).isEqualTo(2);
        assertThat(backlog.holders()).containsExactly("a");
        end(backlog, "a");
        end(backlog, "a");
        end(backlog, "a");
        assertThat(backlog.of("a")).isZero();
        assertThat(backlog.total()).isZero();
        assertThat(backlog.holders()).isEmpty();
    }

    @Test
    void aCallNeverStoredGivesItsPlaceBack() {
        Backlog backlog = new Backlog(10);
        backlog.take("a", 1);
        backlog.unstored("a");

        backlog.take("a", 1);
        assertThat(backlog.of("a")).isEqualTo(1);
    }

    @Test
    void aResetBeforeTheInsertCommitsKeepsThePlaceTheCallTook() {
        Backlog backlog = new Backlog(10);
        backlog.take("a", 2);
        backlog.take("a", 2);

        backlog.reset(Map.of("a", 1)); // the store has one of the two inserts so far
        ApiException full = catchThrowableOfType(ApiException.class, () -> backlog.take("a", 2));

        assertThat(full.code()).isEqualTo(ErrorCode.BACKLOG_FULL);
    }

    @Test
    void aResetAfterTheInsertCommittedCountsHighUntilTheNextReset() {
        Backlog backlog = new Backlog(10);
        backlog.take("a", 5);

        backlog.reset(Map.of("a", 1)); // committed, not yet reported back
        assertThat(backlog.of("a")).isEqualTo(2);
        backlog.stored("a");
        backlog.reset(Map.of("a", 1));

        assertThat(backlog.of("a")).isEqualTo(1);
    }

    @Test
    void aResetAfterAnEndCommittedNeverCountsBelowWhatIsHeld() {
        Backlog backlog = new Backlog(10);
        backlog.add("a", 2);
        backlog.ending("a");

        backlog.reset(Map.of("a", 1)); // the end is committed: the store counts the other call only
        backlog.ended("a", true);

        assertThat(backlog.of("a")).isEqualTo(1);
    }

    @Test
    void aResetBeforeAnEndCommittedCountsHighUntilTheNextReset() {
        Backlog backlog = new Backlog(10);
        backlog.add("a", 2);
        backlog.ending("a");

        backlog.reset(Map.of("a", 2)); // the end is not committed yet
        backlog.ended("a", true);
        assertThat(backlog.of("a")).isEqualTo(2);
        backlog.reset(Map.of("a", 1));

        assertThat(backlog.of("a")).isEqualTo(1);
    }

    @Test
    void anEndThatFailedToStoreKeepsItsPlace() {
        Backlog backlog = new Backlog(10);
        backlog.add("a", 1);
        backlog.ending("a");
        backlog.ended("a", false);

        backlog.reset(Map.of("a", 1));
        assertThat(backlog.of("a")).isEqualTo(1);
    }

    private static void end(Backlog backlog, String function) {
        backlog.ending(function);
        backlog.ended(function, true);
    }
}
