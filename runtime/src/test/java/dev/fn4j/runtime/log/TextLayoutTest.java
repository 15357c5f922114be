package dev.fn4j.runtime.log;

import static dev.fn4j.runtime.log.LoggingEvents.event;
import static dev.fn4j.runtime.log.LoggingEvents.withoutFrames;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    private final TextLayout layout = new TextLayout();

    @Test
    void writesTimeLevelLoggerAndMessageOnOneLine() {
        assertThat(layout.doLayout(event("dev.fn4j.runtime.FnRuntime", Level.INFO, "listening", null, Map.of())))
                .isEqualTo("2026-01-02T03:04:05.006Z INFO  FnRuntime listening\n");
    }

    @Test
    void namesLibraryLoggersWithTheirPackagesShortened() {
        assertThat(layout.doLayout(event("org.xnio.nio", Level.INFO, "XNIO NIO", null, Map.of())))
                .isEqualTo("2026-01-02T03:04:05.006Z INFO  o.x.nio XNIO NIO\n");
        assertThat(layout.doLayout(event("Standalone", Level.WARN, "w", null, Map.of())))
                .isEqualTo("2026-01-02T03:04:05.006Z WARN  Standalone w\n");
    }

    @Test
    void showsTheRequestIdWhenTheEventHasOne() {
        assertThat(layout.doLayout(event(
                        "dev.fn4j.runtime.invoke.Invoker",
                        Level.WARN,
                        "slow",
                        null,
                        Map.of(LogSetup.REQUEST_ID, "0a1b2c", "other", "not shown"))))
                .isEqualTo("2026-01-02T03:04:05.006Z WARN  Invoker [0a1b2c] slow\n");
    }

    @Test
    void keepsAMultiLineMessageOnOneLineAndPutsTheStackTraceBelow() {
        assertThat(layout.doLayout(event(
                        "x.Y",
                        Level.ERROR,
                        "first\nsecond\r",
                        withoutFrames(new IllegalStateException("boom")),
                        Map.of())))
                .isEqualTo("2026-01-02T03:04:05.006Z ERROR x.Y first\\nsecond\\r\n"
                        + "java.lang.IllegalStateException: boom\n");
    }
}
