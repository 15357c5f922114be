package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceInspectorTest {

    @Test
    void tailOfNoLinesIsEmpty() {
        assertThat(InstanceInspector.tail(List.of())).isEmpty();
    }

    @Test
    void tailJoinsLinesEachEndingWithALineBreak() {
        assertThat(InstanceInspector.tail(List.of("one", "two"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void longTailKeepsItsLastWholeLinesBehindAMarker() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(i + " " + "x".repeat(1000));
        }

        String tail = InstanceInspector.tail(lines);

        assertThat(tail.length()).isLessThanOrEqualTo(InstanceInspector.TAIL_CHARS + 40);
        assertThat(tail).startsWith("… [fn4j: earlier output cut]\n").endsWith("99 " + "x".repeat(1000) + "\n");
        String firstKept = tail.lines().skip(1).findFirst().orElseThrow();
        assertThat(firstKept).matches("\\d+ x{1000}");
    }
}
