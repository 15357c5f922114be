package dev.fn4j.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Lets an idle runtime give the heap a burst made it grow back to the operating system, unless
 * the operator set these flags himself: G1 keeps whatever it grew until a collection shrinks it,
 * and an idle runtime triggers none, so after 10,000 accepted calls it held over 500 MiB for good
 * (docs/benchmarks.md, "Memory"). A periodic collection every 15 s while idle, and shrinking to
 * at most 30 % free after a collection, bring it back near what it uses. All three flags are
 * manageable (set at run time, no restart); on another collector they are ignored.
 */
final class IdleHeap {

    /** What is set, in order, when the flag still has its default. */
    static final Map<String, String> FLAGS = flags();

    private IdleHeap() {}

    private static Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("G1PeriodicGCInterval", "15000");
        // Kept before MaxHeapFreeRatio: the JVM refuses a minimum above the maximum.
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        return flags;
    }

    /** Sets each of {@link #FLAGS} still at its default; logs what it did and what it could not. */
    static void tune(Logger log) {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException e) {
            log.debug("no HotSpot diagnostics, heap flags left alone: {}", e.toString());
            return;
        }
        tune(name -> vm.getVMOption(name), vm::setVMOption, log);
    }

    /** The logic of {@link #tune(Logger)}, over any way of reading and setting flags. */
    static Map<String, String> tune(Function<String, VMOption> read, BiConsumer<String, String> set, Logger log) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
            try {
                VMOption current = read.apply(flag.getKey());
                if (current.getOrigin() != VMOption.Origin.DEFAULT) {
                    // The operator's (or the launcher's) choice wins.
                    continue;
                }
                set.accept(flag.getKey(), flag.getValue());
                changed.put(flag.getKey(), flag.getValue());
            } catch (RuntimeException e) {
                log.debug("heap flag {} left alone: {}", flag.getKey(), e.toString());
            }
        }
        if (!changed.isEmpty()) {
            log.debug("heap flags set for an idle runtime: {}", changed);
        }
        return changed;
    }
}
