package dev.fn4j.runtime.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void reservesWhatFitsAndNothingMore() {
        MemoryBudget budget = new MemoryBudget(100);
        assertThat(budget.tryReserve(60)).isTrue();
        assertThat(budget.tryReserve(60)).isFalse();
        assertThat(budget.available()).isEqualTo(40);
        budget.release(60);
        assertThat(budget.tryReserve(100)).isTrue();
    }

    @Test
    void refusesToReleaseMoreThanIsReserved() {
        MemoryBudget budget = new MemoryBudget(100);
        budget.tryReserve(10);
        assertThatThrownBy(() -> budget.release(20)).hasMessage("cannot release 20 of 10 reserved bytes");
    }
}
