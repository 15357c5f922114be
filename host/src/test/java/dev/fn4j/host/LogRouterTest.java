package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LogRouterTest {

    private final LogRouter router = new LogRouter();
    private final ByteArrayOutputStream realOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream realErr = new ByteArrayOutputStream();
    private final PrintStream out = router.route(new PrintStream(realOut, true, StandardCharsets.UTF_8));
    private final PrintStream err = router.route(new PrintStream(realErr, true, StandardCharsets.UTF_8));

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOutsideACallGoToTheRealStreamsOnly() {
        out.println("hello");
        err.println("oops");

        assertThat(text(realOut)).isEqualTo("hello\n");
        assertThat(text(realErr)).isEqualTo("oops\n");
        assertThat(router.current()).isNull();
    }

    @Test
    void writesDuringACallGoToItsLogInWriteOrderAndStillReachTheRealStreams() {
        CapturedLog log = new CapturedLog("r1", 1024);

        router.begin(log);
        out.println("out 1");
        err.println("err 1");
        out.print('c');
        out.write('\n');
        out.println("grüß");
        router.end();

        assertThat(log.close()).isEqualTo(new Frame.Logs("r1", "out 1\nerr 1\nc\ngrüß\n", false));
        assertThat(text(realOut)).isEqualTo("out 1\nc\ngrüß\n");
        assertThat(text(realErr)).isEqualTo("err 1\n");
    }

    @Test
    void writesAfterTheCallEndedAreNotCaptured() {
        CapturedLog log = new CapturedLog("r1", 1024);
        router.begin(log);
        out.println("inside");
        router.end();

        out.println("outside");

        assertThat(log.close().text()).isEqualTo("inside\n");
        assertThat(text(realOut)).isEqualTo("inside\noutside\n");
    }

    @Test
    void threadsStartedDuringACallWriteToItsLog() throws Exception {
        CapturedLog log = new CapturedLog("r1", 1024);
        router.begin(log);
        out.println("before");
        Thread child = new Thread(() -> {
            out.println("from child");
            Thread grandchild = new Thread(() -> err.println("from grandchild"));
            grandchild.start();
            join(grandchild);
        });
        child.start();
        child.join();
        out.println("after");
        router.end();

        assertThat(log.close().text()).isEqualTo("before\nfrom child\nfrom grandchild\nafter\n");
    }

    @Test
    void threadStartedBeforeTheCallIsNotCaptured() throws Exception {
        CountDownLatch callBegun = new CountDownLatch(1);
        Thread earlier = new Thread(() -> {
            await(callBegun);
            out.println("from earlier thread");
        });
        earlier.start();
        CapturedLog log = new CapturedLog("r1", 1024);

        router.begin(log);
        callBegun.countDown();
        earlier.join();
        out.println("mine");
        router.end();

        assertThat(log.close().text()).isEqualTo("mine\n");
        assertThat(text(realOut)).isEqualTo("from earlier thread\nmine\n");
    }

    @Test
    void childThreadWritingAfterItsCallEndedReachesOnlyTheRealStream() throws Exception {
        CapturedLog log = new CapturedLog("r1", 1024);
        CountDownLatch callEnded = new CountDownLatch(1);
        router.begin(log);
        Thread straggler = new Thread(() -> {
            await(callEnded);
            out.println("late");
        });
        straggler.start();
        out.println("on time");
        router.end();
        Frame.Logs logs = log.close();

        callEnded.countDown();
        straggler.join();

        assertThat(logs.text()).isEqualTo("on time\n");
        assertThat(text(realOut)).isEqualTo("on time\nlate\n");
    }

    @Test
    void concurrentCallsOnTwoThreadsKeepTheirLogsApart() throws Exception {
        CapturedLog a = new CapturedLog("a", 1 << 20);
        CapturedLog b = new CapturedLog("b", 1 << 20);
        CountDownLatch bothInside = new CountDownLatch(2);
        Thread first = new Thread(() -> call(a, "a", bothInside));
        Thread second = new Thread(() -> call(b, "b", bothInside));
        first.start();
        second.start();
        first.join();
        second.join();

        String textA = a.close().text();
        String textB = b.close().text();

        assertThat(textA.lines()).hasSize(200).allMatch(line -> line.endsWith(" a"));
        assertThat(textB.lines()).hasSize(200).allMatch(line -> line.endsWith(" b"));
    }

    private void call(CapturedLog log, String tag, CountDownLatch bothInside) {
        router.begin(log);
        try {
            bothInside.countDown();
            await(bothInside);
            for (int i = 0; i < 100; i++) {
                out.println("out " + tag);
                err.println("err " + tag);
            }
        } finally {
            router.end();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not reached");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
