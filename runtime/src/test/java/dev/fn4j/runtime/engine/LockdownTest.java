package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockdownTest {

    private static final long MIB = 1024L * 1024;

    private static InstanceSpec spec(long tmpBytes) {
        return new InstanceSpec("fn4j-x", "sha256:abc", Map.of(), Map.of(), Path.of("/s"), 256 * MIB, 1, tmpBytes);
    }

    @Test
    void mountsTmpSizedOwnedByTheFunctionsUserAndExecutable() {
        assertThat(Lockdown.hostConfig(spec(128 * MIB)).getTmpFs())
                .containsExactly(Map.entry("/tmp", "rw,exec,nosuid,nodev,size=131072k,uid=65532,gid=65532,mode=0700"));
    }

    @Test
    void givesTmpTheDefaultSizeWhenTheSpecSaysNone() {
        InstanceSpec spec = new InstanceSpec("fn4j-x", "sha256:abc", Map.of(), Map.of(), Path.of("/s"), 256 * MIB, 1);

        assertThat(spec.tmpBytes()).isEqualTo(64 * MIB);
        assertThat(Lockdown.tmpOptions(spec)).contains(",size=65536k,");
    }

    @Test
    void refusesATmpSizeThatIsNotWholeKibibytes() {
        assertThatThrownBy(() -> spec(0)).hasMessage("tmpBytes must be a positive number of KiB: 0");
        assertThatThrownBy(() -> spec(1000)).hasMessage("tmpBytes must be a positive number of KiB: 1000");
    }
}
