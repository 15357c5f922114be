package dev.fn4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.VMOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class IdleHeapTest {

    /** Flags as a fake JVM holds them, with their origins; what was set, in order. */
    private final Map<String, VMOption> flags = new LinkedHashMap<>();

    private final Map<String, String> set = new LinkedHashMap<>();

    private Map<String, String> tune() {
        return IdleHeap.tune(
                flags::get,
                (name, value) -> {
                    if (name.equals("MaxHeapFreeRatio") && Integer.parseInt(value) < minFree()) {
                        throw new IllegalArgumentException("MaxHeapFreeRatio below MinHeapFreeRatio");
                    }
                    set.put(name, value);
                    flags.put(name, new VMOption(name, value, true, VMOption.Origin.MANAGEMENT));
                },
                LoggerFactory.getLogger(IdleHeapTest.class));
    }

    private int minFree() {
        return Integer.parseInt(flags.get("MinHeapFreeRatio").getValue());
    }

    private void flag(String name, String value, VMOption.Origin origin) {
        flags.put(name, new VMOption(name, value, true, origin));
    }

    @Test
    void flagsStillAtTheirDefaultsAreSetInAnOrderTheJvmAccepts() {
        flag("G1PeriodicGCInterval", "0", VMOption.Origin.DEFAULT);
        flag("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT);
        flag("MaxHeapFreeRatio", "70", VMOption.Origin.DEFAULT);

        Map<String, String> changed = tune();

        assertThat(changed)
                .containsExactly(
                        Map.entry("G1PeriodicGCInterval", "15000"),
                        Map.entry("MinHeapFreeRatio", "10"),
                        Map.entry("MaxHeapFreeRatio", "30"));
        assertThat(set).isEqualTo(changed);
    }

    @Test
    void theOperatorsOwnFlagsAreLeftAlone() {
        flag("G1PeriodicGCInterval", "60000", VMOption.Origin.VM_CREATION);
        flag("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT);
        flag("MaxHeapFreeRatio", "50", VMOption.Origin.ENVIRON_VAR);

        Map<String, String> changed = tune();

        assertThat(changed).containsExactly(Map.entry("MinHeapFreeRatio", "10"));
        assertThat(flags.get("G1PeriodicGCInterval").getValue()).isEqualTo("60000");
        assertThat(flags.get("MaxHeapFreeRatio").getValue()).isEqualTo("50");
    }

    @Test
    void aFlagTheJvmRefusesIsSkippedAndTheRestStillSet() {
        flag("G1PeriodicGCInterval", "0", VMOption.Origin.DEFAULT);
        flag("MinHeapFreeRatio", "35", VMOption.Origin.VM_CREATION);
        flag("MaxHeapFreeRatio", "70", VMOption.Origin.DEFAULT);

        Map<String, String> changed = tune();

        // 30 is below the operator's minimum of 35: refused, and the maximum stays.
        assertThat(changed).containsExactly(Map.entry("G1PeriodicGCInterval", "15000"));
        assertThat(flags.get("MaxHeapFreeRatio").getValue()).isEqualTo("70");
    }

    @Test
    void onThisJvmTheFlagsExistAndAreManageable() {
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class);

        for (String name : IdleHeap.FLAGS.keySet()) {
            assertThat(vm.getVMOption(name).isWriteable()).as(name).isTrue();
        }
    }
}
