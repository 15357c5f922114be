package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.spec.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for which of a pool's instances are live, and which of them idled long enough to
 * leave: those of the current revision ready and unused for longer than its {@code idleTimeout},
 * oldest first, never so many that fewer than {@code minInstances} stay live. Stateless.
 */
final class IdleInstances {

    private IdleInstances() {}

    /** The ready instances of {@code current} among {@code instances}. */
    static int live(List<Instance> instances, Function current) {
        int live = 0;
        for (Instance instance : instances) {
            if (instance.function().revision() == current.revision() && instance.state() == Instance.State.READY) {
                live++;
            }
        }
        return live;
    }

    /** The instances that idled past {@code current}'s idle timeout by {@code now} and may go. */
    static List<Instance> expired(List<Instance> instances, Function current, Instant now) {
        FunctionSpec.Scaling scaling = current.spec().scaling();
        Instant cutoff = now.minus(scaling.idleTimeout());
        int live = live(instances, current);
        List<Instance> expired = new ArrayList<>();
        for (Instance instance : instances) {
            if (live <= scaling.minInstances()) {
                break;
            }
            if (instance.function().revision() == current.revision()
                    && instance.state() == Instance.State.READY
                    && instance.inFlight() == 0
                    && instance.lastUsed().isBefore(cutoff)) {
                expired.add(instance);
                live--;
            }
        }
        return expired;
    }

    /** Why an instance of {@code current} went. */
    static String reason(Function current) {
        return "idle for more than " + Durations.format(current.spec().scaling().idleTimeout());
    }
}
