package dev.fn4j.runtime.log;

import static dev.fn4j.runtime.log.LoggingEvents.event;
import static dev.fn4j.runtime.log.LoggingEvents.withoutFrames;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    private final JsonLayout layout = new JsonLayout();

    @Test
    void writesAnEventAsOneJsonObjectOnOneLine() {
        String line = layout.doLayout(
                event("dev.fn4j.runtime.FnRuntime", Level.INFO, "listening on http://127.0.0.1:8080", null, Map.of()));

        assertThat(line)
                .isEqualTo("{\"timestamp\":\"2026-01-02T03:04:05.006Z\",\"level\":\"INFO\","
                        + "\"logger\":\"dev.fn4j.runtime.FnRuntime\",\"thread\":\"XNIO-1 task-2\","
                        + "\"message\":\"listening on http://127.0.0.1:8080\"}\n");
    }

    @Test
    void addsMdcEntriesInNameOrderAndTheExceptionAsOneString() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("requestId", "0a1b2c");
        mdc.put("function", "hello");
        mdc.put("level", "not a second level field");

        String line = layout.doLayout(event(
                "io.undertow.request",
                Level.ERROR,
                "failed",
                withoutFrames(new IOException("Broken pipe", withoutFrames(new IllegalStateException("inner")))),
                mdc));

        assertThat(line)
                .isEqualTo("{\"timestamp\":\"2026-01-02T03:04:05.006Z\",\"level\":\"ERROR\","
                        + "\"logger\":\"io.undertow.request\",\"thread\":\"XNIO-1 task-2\","
                        + "\"message\":\"failed\",\"function\":\"hello\",\"requestId\":\"0a1b2c\","
                        + "\"exception\":\"java.io.IOException: Broken pipe\\nCaused by: "
                        + "java.lang.IllegalStateException: inner\"}\n");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsOtherTextAsIs() {
        String line = layout.doLayout(
                event("x", Level.WARN, "say \"hi\"\\ \n\r\t\b\f\u0001 \u2028 ünïcödé €", null, Map.of()));

        assertThat(line).contains("\"message\":\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f\\u0001 \\u2028" + " ünïcödé €\"}");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void aRealStackTraceStaysOnTheOneLine() {
        String line = layout.doLayout(
                event("x", Level.ERROR, "unexpected failure", new IllegalStateException("boom"), Map.of()));

        assertThat(line).contains("\"exception\":\"java.lang.IllegalStateException: boom\\n\\tat ");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }
}
