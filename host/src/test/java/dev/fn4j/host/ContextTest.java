package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CapturedLog callLog = new CapturedLog("req-1", 1 << 20);
    private final StderrLogger logger =
            new StderrLogger("req-1", callLog, new PrintStream(log, true, StandardCharsets.UTF_8), Frames.CLOCK);

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void remainingTimeCountsDownToTheDeadline() {
        InvocationContext context =
                new InvocationContext("r", "fn", Frames.NOW.plusMillis(1500), Map.of(), logger, Frames.CLOCK);

        assertThat(context.remainingTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(context.deadline()).isEqualTo(Frames.NOW.plusMillis(1500));
    }

    @Test
    void remainingTimeIsZeroNotNegativeOncePassed() {
        InvocationContext context = new InvocationContext("r", "fn", Instant.EPOCH, Map.of(), logger, Frames.CLOCK);

        assertThat(context.remainingTime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void linesCarryIsoTimeLevelAndRequestId() {
        logger.info("one");
        logger.warn("two");
        logger.error("three");

        assertThat(logged())
                .isEqualTo("2026-01-02T03:04:05Z INFO [req-1] one\n"
                        + "2026-01-02T03:04:05Z WARN [req-1] two\n"
                        + "2026-01-02T03:04:05Z ERROR [req-1] three\n");
    }

    @Test
    void linesGoToTheCallLogAsWellAsStderr() {
        logger.info("one");
        logger.error("two", new IllegalStateException("bad"));

        Frame.Logs logs = callLog.close();
        assertThat(logs.requestId()).isEqualTo("req-1");
        assertThat(logs.text()).isEqualTo(logged()).startsWith("2026-01-02T03:04:05Z INFO [req-1] one\n");
    }

    @Test
    void linesAfterTheCallEndedStillReachStderr() {
        callLog.close();

        logger.warn("late");

        assertThat(logged()).isEqualTo("2026-01-02T03:04:05Z WARN [req-1] late\n");
    }

    @Test
    void errorWithThrowablePrintsItsStack() {
        logger.error("failed", new IllegalStateException("bad"));

        assertThat(logged())
                .startsWith("2026-01-02T03:04:05Z ERROR [req-1] failed\njava.lang.IllegalStateException: bad\n")
                .contains("\tat dev.fn4j.host.ContextTest.errorWithThrowablePrintsItsStack(");
    }
}
