package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BatchedOutputTest {

    /** A descriptor that records each write it is given, as one string. */
    private static final class RecordingTarget extends OutputStream {
        final List<String> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }

    private final RecordingTarget target = new RecordingTarget();
    /** The test's clock, in nanoseconds. */
    private long now;

    /** An output that sends no write straight through: every byte waits for a drain. */
    private BatchedOutput batched(OutputStream to, int capacity) {
        return new BatchedOutput(to, capacity, 0, () -> now);
    }

    @Test
    void theFirstWritesOfAnIntervalGoStraightThroughAndTheRestWaitInOrder() throws IOException {
        BatchedOutput batched = new BatchedOutput(target, 1024, 2, () -> now);

        batched.write('a');
        now += 1_000_000;
        batched.write('b');
        batched.write('c');
        batched.write('d');
        assertThat(target.writes).containsExactly("a", "b");

        now += BatchedOutput.INTERVAL.toNanos();
        batched.write('e');
        assertThat(target.writes)
                .as("bytes still wait, so e must not overtake them")
                .containsExactly("a", "b");

        batched.drain();
        batched.write('f');
        assertThat(target.writes).containsExactly("a", "b", "cde", "f");
    }

    @Test
    void linesPrintedWithFlushesReachTheDescriptorInOneWriteWhenDrained() {
        BatchedOutput batched = batched(target, 1024);
        PrintStream out = new PrintStream(batched, true, StandardCharsets.UTF_8);

        out.println("line 1");
        out.println("line 2");
        out.flush();
        assertThat(target.writes).isEmpty();

        batched.drain();
        assertThat(target.writes).containsExactly("line 1\nline 2\n");
    }

    @Test
    void aWriteThatDoesNotFitPassesOnWhatWaitsFirstAndKeepsTheOrder() throws IOException {
        BatchedOutput batched = batched(target, 8);

        batched.write("abcde".getBytes(StandardCharsets.UTF_8));
        batched.write("fgh".getBytes(StandardCharsets.UTF_8));
        batched.write("ij".getBytes(StandardCharsets.UTF_8));
        batched.drain();

        assertThat(target.writes).containsExactly("abcdefgh", "ij");
    }

    @Test
    void aWriteAsLargeAsTheBufferGoesStraightThroughAfterWhatWaits() throws IOException {
        BatchedOutput batched = batched(target, 4);

        batched.write('a');
        batched.write("0123456789".getBytes(StandardCharsets.UTF_8), 2, 4);

        assertThat(target.writes).containsExactly("a", "2345");
        batched.drain();
        assertThat(target.writes).containsExactly("a", "2345");
    }

    @Test
    void aFailingDescriptorDropsWhatWaitedAndTheNextBytesStillGo() throws IOException {
        List<String> received = new ArrayList<>();
        boolean[] broken = {true};
        OutputStream flaky = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (broken[0]) {
                    throw new IOException("pipe closed");
                }
                received.add(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        BatchedOutput batched = batched(flaky, 16);

        batched.write("lost".getBytes(StandardCharsets.UTF_8));
        batched.drain();
        broken[0] = false;
        batched.write("kept".getBytes(StandardCharsets.UTF_8));
        batched.close();

        assertThat(received).containsExactly("kept");
    }

    @Test
    void aWaitingFlusherWakesWhenTheFirstBytesArrive() throws Exception {
        BatchedOutput batched = batched(new ByteArrayOutputStream(), 16);
        CountDownLatch woke = new CountDownLatch(1);
        Thread flusher = new Thread(() -> {
            try {
                batched.awaitOutput();
                woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        flusher.start();

        while (flusher.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(woke.getCount()).isEqualTo(1);
        batched.write('x');

        assertThat(woke.await(10, TimeUnit.SECONDS)).isTrue();
        flusher.join();
    }

    @Test
    void aBufferOfNoBytesIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new BatchedOutput(target, 0, 0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 1 byte: 0");
    }
}
