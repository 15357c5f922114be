package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void anIdIsThirtyTwoHexDigitsThatInvocationIdsAccept() {
        String id = RequestIds.newId();

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(InvocationIds.check(id)).isEqualTo(id);
    }

    @Test
    void anIdStartsWithTheTimeSoLaterIdsSortAfterEarlierOnes() {
        long before = System.currentTimeMillis();
        String id = RequestIds.newId();
        long after = System.currentTimeMillis();

        long time = Long.parseLong(id.substring(0, 12), 16);
        assertThat(time).isBetween(before, after);
    }

    @Test
    void idsOfOneMillisecondStillDifferInTheirRandomPart() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestIds.newId());
        }

        assertThat(ids).hasSize(10_000);
    }
}
