package dev.fn4j.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setErr(stderr);
        LogSetup.use(LogFormat.TEXT);
    }

    @Test
    void slf4jJbossLoggingAndJavaUtilLoggingAllWriteTheChosenFormat() {
        LogSetup.use(LogFormat.JSON);
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        LoggerFactory.getLogger("dev.fn4j.runtime.FnRuntime").info("from slf4j");
        org.jboss.logging.Logger.getLogger("org.xnio").info("from jboss-logging");
        java.util.logging.Logger.getLogger("jdk.test").warning("from java.util.logging");

        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .startsWith("{\"timestamp\":\"")
                .contains(
                        "\"level\":\"INFO\",\"logger\":\"dev.fn4j.runtime.FnRuntime\"", "\"message\":\"from slf4j\"}");
        assertThat(lines[1]).contains("\"logger\":\"org.xnio\"", "\"message\":\"from jboss-logging\"");
        assertThat(lines[2])
                .contains("\"level\":\"WARN\",\"logger\":\"jdk.test\"", "\"message\":\"from java.util.logging\"");
    }

    @Test
    void textIsTheFormatBeforeAnyChoiceAndLibrariesDetailIsOff() {
        LogSetup.use(LogFormat.TEXT);
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource").info("Starting...");
        java.util.logging.Logger.getLogger("jdk.test").fine("detail");
        LoggerFactory.getLogger("dev.fn4j.runtime.FnRuntime").info("listening");

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  FnRuntime" + " listening\n");
    }
}
