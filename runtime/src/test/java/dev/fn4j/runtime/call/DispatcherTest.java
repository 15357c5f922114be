package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatcher's pacing, driven step by step without its thread. */
class DispatcherTest {

    private final Map<String, Integer> rooms = Map.of("a", 3, "b", 1);
    private final Dispatcher dispatcher = new Dispatcher((function, room) -> 0, rooms::get, function -> 0, Set::of);

    @Test
    void nothingIsClaimedUntilAFunctionIsWoken() {
        assertThat(dispatcher.next()).isNull();
        dispatcher.wake("a");
        assertThat(dispatcher.next()).isEqualTo(new Dispatcher.Slot("a", 3));
        assertThat(dispatcher.next()).as("asked once per wake").isNull();
    }

    @Test
    void aFilledRoomIsAskedAgainOnlyAfterAnAttemptEnds() {
        dispatcher.wake("a");
        Dispatcher.Slot slot = dispatcher.next();
        dispatcher.claimed(slot, 3);

        assertThat(dispatcher.running("a")).isEqualTo(3);
        assertThat(dispatcher.next()).as("no room while three run").isNull();
        dispatcher.ended("a");
        assertThat(dispatcher.next()).isEqualTo(new Dispatcher.Slot("a", 1));
    }

    @Test
    void aShortClaimGivesBackTheRoomItHeldAndWaitsForTheNextWake() {
        dispatcher.wake("a");
        dispatcher.claimed(dispatcher.next(), 1);

        assertThat(dispatcher.running("a")).isEqualTo(1);
        assertThat(dispatcher.next()).isNull();
        dispatcher.wake("a");
        assertThat(dispatcher.next()).isEqualTo(new Dispatcher.Slot("a", 2));
    }

    @Test
    void anAttemptThatEndsBeforeItsClaimIsReportedIsCountedOnce() {
        dispatcher.wake("b");
        Dispatcher.Slot slot = dispatcher.next();
        dispatcher.ended("b");
        dispatcher.claimed(slot, 1);

        assertThat(dispatcher.running("b")).isZero();
        assertThat(dispatcher.next()).isEqualTo(new Dispatcher.Slot("b", 1));
    }

    @Test
    void eachFunctionHasItsOwnRoom() {
        dispatcher.wake("a");
        dispatcher.wake("b");
        dispatcher.claimed(dispatcher.next(), 3);

        assertThat(dispatcher.next()).isEqualTo(new Dispatcher.Slot("b", 1));
    }
}
