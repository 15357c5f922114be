package dev.fn4j.runtime.cluster;

import dev.fn4j.runtime.invocation.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This runtime's membership among those sharing the database: each {@link #tick} renews its
 * heartbeat and takes over every other runtime silent for longer than the lease. A takeover is
 * won by exactly one survivor (the store removes the dead runtime's row and re-queues its work in
 * one transaction), which is then told through {@link Takeover} to take up the re-queued calls and
 * to remove the dead runtime's containers. Not thread-safe: one timer thread ticks it.
 */
public final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    /** The shortest heartbeat interval, whatever the lease. */
    private static final Duration MIN_HEARTBEAT = Duration.ofMillis(250);

    /** What a survivor does once it has won a takeover. */
    public interface Takeover {
        /** {@code requeued} are the calls {@code dead} left running, queued again. */
        void tookOver(String dead, List<Transition> requeued);
    }

    private final Members members;
    private final String self;
    /** How long a runtime may go without a heartbeat before it counts as dead; positive. */
    private final Duration lease;

    private final Clock clock;
    private final Takeover takeover;
    /**
     * Since when this runtime's heartbeats have succeeded without a break; null after one failed.
     * It takes nobody over before it has beaten for a whole lease: after an outage of the
     * database every runtime's heartbeat is old, and the others need that long to renew theirs.
     */
    private Instant beatingSince;

    public Membership(Members members, String self, Duration lease, Clock clock, Takeover takeover) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a runtime lease must be positive: " + lease);
        }
        this.members = members;
        this.self = self;
        this.lease = lease;
        this.clock = clock;
        this.takeover = takeover;
    }

    /** How often to {@link #tick}: four heartbeats per lease, so a slow one or two do not lose it. */
    public static Duration heartbeat(Duration lease) {
        Duration quarter = lease.dividedBy(4);
        return quarter.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT : quarter;
    }

    /** Records this runtime as alive; call once at start-up, before it claims any work. */
    public void join() {
        Instant now = clock.instant();
        members.register(self, now);
        beatingSince = now;
    }

    /**
     * Renews this runtime's heartbeat, then takes over the runtimes whose lease expired, once its
     * own heartbeats have gone on unbroken for a lease. Throws when the store fails.
     */
    public void tick() {
        Instant now = clock.instant();
        boolean beaten;
        try {
            beaten = members.beat(self, now);
        } catch (RuntimeException e) {
            beatingSince = null;
            throw e;
        }
        if (beatingSince == null) {
            beatingSince = now;
        }
        if (!beaten) {
            // Silent past the lease (a long pause), so its running calls were queued again elsewhere.
            LOG.warn(
                    "this runtime was taken over by another after missing its heartbeats for {}; joining again"
                            + " (calls it was running may run twice)",
                    lease);
            members.register(self, now);
        }
        Instant before = now.minus(lease);
        if (beatingSince.isAfter(before)) {
            return;
        }
        for (String dead : members.silentSince(self, before)) {
            Optional<List<Transition>> requeued = members.takeOver(dead, before, self, now);
            if (requeued.isPresent()) {
                LOG.warn(
                        "runtime {} has been silent for over {}: took over its work ({} call(s) queued again)"
                                + " and remove its containers",
                        dead,
                        lease,
                        requeued.get().size());
                takeover.tookOver(dead, requeued.get());
            }
        }
    }
}
