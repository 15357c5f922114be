package dev.fn4j.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallIdsTest {

    @Test
    void anIdStartsWithTheTimeItWasMadeAt() {
        long before = System.currentTimeMillis();
        String id = CallIds.newId();
        long after = System.currentTimeMillis();

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(CallIds.millisOf(id)).isBetween(before, after);
    }

    @Test
    void anIdMadeForAGivenTimeNamesThatTime() {
        long millis = 1_796_591_110_123L;

        assertThat(CallIds.millisOf(CallIds.newId(millis))).isEqualTo(millis);
        assertThat(CallIds.newId(millis)).isNotEqualTo(CallIds.newId(millis));
    }

    @Test
    void idsOfOneMillisecondStillDifferInTheirRandomPart() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(CallIds.newId());
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aStringNotMadeByNewIdHasNoTime() {
        assertThat(CallIds.millisOf("s1")).isEqualTo(CallIds.NO_TIME);
        assertThat(CallIds.millisOf(null)).isEqualTo(CallIds.NO_TIME);
        assertThat(CallIds.millisOf("0".repeat(31) + "g")).isEqualTo(CallIds.NO_TIME);
        assertThat(CallIds.millisOf("0".repeat(31) + "A")).isEqualTo(CallIds.NO_TIME);
        assertThat(CallIds.millisOf("0".repeat(33))).isEqualTo(CallIds.NO_TIME);
        assertThat(CallIds.millisOf("00000000000a" + "f".repeat(20))).isEqualTo(10);
    }
}
