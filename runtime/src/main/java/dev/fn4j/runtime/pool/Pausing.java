package dev.fn4j.runtime.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether pools pause their idle instances instead of removing them, and for how long a paused
 * instance is kept before it is removed ({@code --keep-paused}).
 *
 * @param freezer pauses and resumes instances; null when the engine cannot pause
 * @param keep how long an instance stays paused before it is removed; zero to remove idle
 *     instances at once, as without pausing
 */
public record Pausing(InstanceFreezer freezer, Duration keep) {

    /** Idle instances are removed, never paused. */
    public static final Pausing OFF = new Pausing(null, Duration.ZERO);

    public Pausing {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
    }

    /** Whether idle instances are paused at all. */
    public boolean enabled() {
        return freezer != null && !keep.isZero();
    }
}
