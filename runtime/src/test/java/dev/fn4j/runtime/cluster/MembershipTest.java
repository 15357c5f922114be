package dev.fn4j.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    private final ManualClock clock = new ManualClock();
    private final FakeMembers members = new FakeMembers();
    private final List<String> tookOver = new ArrayList<>();
    private final List<Transition> adopted = new ArrayList<>();

    private Membership membership(String self) {
        return new Membership(members, self, LEASE, clock, (dead, requeued) -> {
            tookOver.add(dead);
            adopted.addAll(requeued);
        });
    }

    @Test
    void joiningRecordsTheRuntimeAndEachTickRenewsItsHeartbeat() {
        Membership a = membership("a");
        a.join();
        assertThat(members.heartbeats).containsEntry("a", clock.instant());

        clock.advance(Duration.ofSeconds(4));
        a.tick();

        assertThat(members.heartbeats).containsEntry("a", clock.instant());
        assertThat(tookOver).isEmpty();
    }

    @Test
    void aRuntimeSilentForLessThanTheLeaseIsLeftAlone() {
        members.register("b", clock.instant());
        Membership a = membership("a");
        a.join();

        clock.advance(LEASE);
        a.tick();

        assertThat(tookOver).isEmpty();
        assertThat(members.heartbeats).containsKey("b");
    }

    @Test
    void aRuntimeSilentPastTheLeaseIsTakenOverOnceWithTheCallsItLeftRunning() {
        members.register("b", clock.instant());
        Transition requeued = queued("call-1");
        members.running.put("b", List.of(requeued));
        Membership a = membership("a");
        a.join();

        clock.advance(LEASE.plusMillis(1));
        a.tick();
        a.tick();

        assertThat(tookOver).containsExactly("b");
        assertThat(adopted).containsExactly(requeued);
        assertThat(members.heartbeats).containsOnlyKeys("a");
        assertThat(members.takeovers).containsExactly("b by a");
    }

    @Test
    void ofTwoSurvivorsOnlyTheFirstTakesOver() {
        members.register("dead", clock.instant());
        Membership a = membership("a");
        Membership c = membership("c");
        a.join();
        c.join();
        clock.advance(LEASE.minusSeconds(1));
        a.tick();
        c.tick();

        clock.advance(Duration.ofSeconds(2));
        a.tick();
        c.tick();

        assertThat(tookOver).containsExactly("dead");
        assertThat(members.takeovers).containsExactly("dead by a");
    }

    @Test
    void afterItsOwnHeartbeatsFailedARuntimeLetsTheOthersBeatForALeaseBeforeTakingOver() {
        members.register("b", clock.instant());
        Membership a = membership("a");
        a.join();
        members.failing = true;
        clock.advance(Duration.ofSeconds(25));
        assertThatThrownBy(a::tick).hasMessage("database down");
        members.failing = false;

        a.tick();
        clock.advance(Duration.ofSeconds(1));
        members.beat("b", clock.instant());
        clock.advance(LEASE.minusSeconds(1));
        a.tick();

        assertThat(tookOver).as("b beat again once the database was back").isEmpty();

        clock.advance(LEASE);
        a.tick();

        assertThat(tookOver).containsExactly("b");
    }

    @Test
    void aRuntimeThatJustJoinedTakesNobodyOverBeforeALease() {
        members.register("b", clock.instant());
        clock.advance(LEASE.plusSeconds(1));
        Membership a = membership("a");
        a.join();

        a.tick();

        assertThat(tookOver).isEmpty();
    }

    @Test
    void aTakeoverLostToAnotherSurvivorIsNotActedOn() {
        members.register("b", clock.instant());
        members.stolen = true;
        Membership a = membership("a");
        a.join();

        clock.advance(LEASE.plusSeconds(1));
        a.tick();

        assertThat(tookOver).isEmpty();
    }

    @Test
    void aRuntimeThatWasTakenOverJoinsAgain() {
        Membership a = membership("a");
        a.join();
        members.heartbeats.remove("a");

        clock.advance(Duration.ofSeconds(1));
        a.tick();

        assertThat(members.heartbeats).containsEntry("a", clock.instant());
    }

    @Test
    void itBeatsFourTimesPerLeaseButNotMoreOftenThanEveryQuarterSecond() {
        assertThat(Membership.heartbeat(Duration.ofSeconds(15))).isEqualTo(Duration.ofMillis(3750));
        assertThat(Membership.heartbeat(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aLeaseMustBePositive() {
        assertThatThrownBy(() -> new Membership(members, "a", Duration.ZERO, clock, (d, r) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a runtime lease must be positive: PT0S");
    }

    private Transition queued(String id) {
        Invocation invocation = Invocation.queued(id, "fn", 1, clock.instant(), new byte[0], null);
        return new Transition(invocation, new InvocationEvent(3, InvocationStatus.QUEUED, 1, clock.instant()));
    }

    /** The runtimes table in memory, with the store's rule: a takeover deletes a row still silent. */
    private static final class FakeMembers implements Members {
        final Map<String, Instant> heartbeats = new LinkedHashMap<>();
        final Map<String, List<Transition>> running = new LinkedHashMap<>();
        final List<String> takeovers = new ArrayList<>();
        /** Whether another survivor wins every takeover just before this one. */
        boolean stolen;
        /** Whether the database is down. */
        boolean failing;

        @Override
        public void register(String id, Instant now) {
            heartbeats.put(id, now);
        }

        @Override
        public boolean beat(String id, Instant now) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            return heartbeats.replace(id, now) != null;
        }

        @Override
        public List<String> silentSince(String self, Instant before) {
            return heartbeats.entrySet().stream()
                    .filter(e -> !e.getKey().equals(self) && e.getValue().isBefore(before))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public Optional<List<Transition>> takeOver(String dead, Instant before, String survivor, Instant at) {
            if (stolen) {
                heartbeats.remove(dead);
            }
            Instant beat = heartbeats.get(dead);
            if (beat == null || !beat.isBefore(before)) {
                return Optional.empty();
            }
            heartbeats.remove(dead);
            takeovers.add(dead + " by " + survivor);
            return Optional.of(running.getOrDefault(dead, List.of()));
        }
    }
}
