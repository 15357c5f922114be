package dev.fn4j.runtime.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every library's log events (SLF4J, jboss-logging, java.util.logging) to one Logback
 * appender on stderr in one format, with the runtime's levels; the only place they are set.
 */
public final class LogSetup {

    /** The MDC key of the request being handled, shown in both formats. */
    public static final String REQUEST_ID = "requestId";

    /** An operator's own Logback file ({@code -Dlogback.configurationFile=...}) replaces ours. */
    static final String CUSTOM_CONFIG_PROPERTY = "logback.configurationFile";

    /**
     * Loggers whose INFO lines repeat what the runtime says itself in one line: the database
     * pool and migrations (see Database's one line), and the Docker client's retries.
     */
    private static final Map<String, Level> LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.apache.hc.client5", Level.WARN);

    private LogSetup() {}

    /**
     * Writes log events in {@code format} from now on, unless the operator brought a Logback file.
     * Call it before Undertow starts, so jboss-logging picks SLF4J rather than
     * java.util.logging.
     */
    public static void use(LogFormat format) {
        routeJbossLogging();
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        if (System.getProperty(CUSTOM_CONFIG_PROPERTY) == null) {
            configure(context, format);
        } else {
            bridgeJul();
        }
    }

    /** Replaces the context's appenders and levels with the runtime's, writing {@code format}. */
    static void configure(LoggerContext context, LogFormat format) {
        routeJbossLogging();
        context.reset();
        // Mirrors Logback's levels into java.util.logging, so disabled JUL calls stay cheap.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();

        LayoutBase<ILoggingEvent> layout = format == LogFormat.JSON ? new JsonLayout() : new TextLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        bridgeJul();
    }

    /** Undertow and XNIO log through jboss-logging, which otherwise may choose JUL. */
    private static void routeJbossLogging() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    /** JUL's own console handler writes another format; the bridge replaces it, once. */
    private static void bridgeJul() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
