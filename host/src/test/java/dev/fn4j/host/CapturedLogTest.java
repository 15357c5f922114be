package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.protocol.Frame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CapturedLogTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsWritesInOrderUnderItsRequestId() {
        CapturedLog log = new CapturedLog("r1", 100);

        log.write("one\n");
        log.write(utf8("xxtwo\nxx"), 2, 4);
        log.write("three\n");

        assertThat(log.close()).isEqualTo(new Frame.Logs("r1", "one\ntwo\nthree\n", false));
    }

    @Test
    void nothingWrittenGivesNoFrame() {
        CapturedLog log = new CapturedLog("r1", 100);
        log.write("");

        assertThat(log.close()).isNull();
    }

    @Test
    void exactlyTheLimitIsNotTruncated() {
        CapturedLog log = new CapturedLog("r1", 4);

        log.write("abc\n");

        assertThat(log.close()).isEqualTo(new Frame.Logs("r1", "abc\n", false));
    }

    @Test
    void beyondTheLimitKeepsTheFirstBytesAndEndsWithTheMarkerOnItsOwnLine() {
        CapturedLog log = new CapturedLog("r1", 10);

        log.write("line one\nline two\n");
        log.write("dropped\n");

        assertThat(log.close())
                .isEqualTo(new Frame.Logs("r1", "line one\nl\n… [fn4j: log truncated after 10 bytes]\n", true));
    }

    @Test
    void markerFollowsAKeptLineEndDirectly() {
        CapturedLog log = new CapturedLog("r1", 4);

        log.write("abc\n");
        log.write("d");

        assertThat(log.close().text()).isEqualTo("abc\n… [fn4j: log truncated after 4 bytes]\n");
    }

    @Test
    void truncationNeverSplitsACharacter() {
        // "aé€😀" is 1 + 2 + 3 + 4 bytes; every limit inside a character cuts before it.
        String text = "aé€😀";
        String[] kept = {"", "a", "a", "aé", "aé", "aé", "aé€", "aé€", "aé€", "aé€"};
        for (int limit = 1; limit < 10; limit++) {
            CapturedLog log = new CapturedLog("r", limit);
            log.write(text);

            Frame.Logs logs = log.close();

            String expected = kept[limit] + (kept[limit].isEmpty() ? "" : "\n") + CapturedLog.marker(limit);
            assertThat(logs.text()).as("limit %d", limit).isEqualTo(expected);
            assertThat(logs.truncated()).isTrue();
        }
    }

    @Test
    void drainGivesEachWholeLineOnceAndKeepsAPartialLineForLater() {
        CapturedLog log = new CapturedLog("r", 1024);
        log.write("one\ntw");

        assertThat(log.drainLines()).isEqualTo(new Frame.LogLines("r", "one\n"));
        assertThat(log.drainLines()).isNull();
        log.write("o\nthree\n");
        assertThat(log.drainLines()).isEqualTo(new Frame.LogLines("r", "two\nthree\n"));
        assertThat(log.close()).isEqualTo(new Frame.Logs("r", "one\ntwo\nthree\n", false));
        assertThat(log.drainLines()).isNull();
    }

    @Test
    void drainedLinesArePrefixOfATruncatedRecord() {
        CapturedLog log = new CapturedLog("r", 8);
        log.write("abc\ndefghij\n");

        Frame.LogLines lines = log.drainLines();

        assertThat(lines).isEqualTo(new Frame.LogLines("r", "abc\n"));
        assertThat(log.drainLines()).isNull();
        assertThat(log.close().text()).startsWith(lines.text()).isEqualTo("abc\ndefg\n" + CapturedLog.marker(8));
    }

    @Test
    void writesAfterCloseAreDropped() {
        CapturedLog log = new CapturedLog("r1", 100);
        log.write("kept\n");
        Frame.Logs first = log.close();

        log.write("late\n");

        assertThat(first.text()).isEqualTo("kept\n");
        assertThat(log.close()).isNull();
    }

    @Test
    void limitZeroKeepsNothing() {
        CapturedLog log = new CapturedLog("r1", 0);

        log.write("anything\n");

        assertThat(log.close()).isNull();
    }

    @Test
    void negativeLimitIsRefusedNamingIt() {
        assertThatThrownBy(() -> new CapturedLog("r", -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must not be negative: -5");
    }

    @Test
    void concurrentWritersLoseNothingBelowTheLimit() throws Exception {
        CapturedLog log = new CapturedLog("r", 1 << 20);
        Thread[] writers = new Thread[4];
        for (int i = 0; i < writers.length; i++) {
            String line = "writer " + i + "\n";
            writers[i] = new Thread(() -> {
                for (int n = 0; n < 1000; n++) {
                    log.write(line);
                }
            });
            writers[i].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        String text = log.close().text();

        assertThat(text.lines()).hasSize(4000);
        for (int i = 0; i < writers.length; i++) {
            String line = "writer " + i;
            assertThat(text.lines().filter(line::equals)).hasSize(1000);
        }
    }
}
