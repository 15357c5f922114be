package dev.fn4j.runtime.store;

import dev.fn4j.runtime.cluster.ChangeSink;
import dev.fn4j.runtime.cluster.Notice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the change notices other runtimes send ({@link ChangeNotices}) on a dedicated PostgreSQL
 * connection of its own (a pooled one would be handed to others, and lose its LISTEN), on one
 * daemon thread that waits for notifications with a timeout. When the connection fails it
 * connects again with a growing pause, and once listening again tells the sink it may have missed
 * notices, so nothing is lost while it was down. On H2 it does nothing.
 */
public final class NoticeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeListener.class);
    /** How long one wait for notifications lasts; also how soon {@link #close} takes effect. */
    private static final int WAIT_MILLIS = 250;
    /** A query every this many waits proves a quiet connection is still alive. */
    private static final int WAITS_PER_CHECK = 20;

    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final DatabaseSettings settings;
    private final ChangeSink sink;
    private final Thread thread;
    /** Set once by {@link #close}. */
    private volatile boolean closed;
    /** The connection listening now, or null; closed by {@link #close} to end a wait at once. */
    private volatile Connection connection;
    /** The PostgreSQL backend process of {@link #connection}, 0 when none; for tests that cut it. */
    private volatile int backendPid;

    private NoticeListener(DatabaseSettings settings, ChangeSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.thread = new Thread(this::loop, "fn4j-notices");
        thread.setDaemon(true);
    }

    /** Starts listening for {@code database}'s notices, or does nothing on H2. */
    public static NoticeListener start(Database database, ChangeSink sink) {
        NoticeListener listener = new NoticeListener(database.settings(), sink);
        if (database.settings().kind() == DatabaseSettings.Kind.POSTGRESQL) {
            listener.thread.start();
        }
        return listener;
    }

    private void loop() {
        long pauseMillis = 100;
        while (!closed) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement listen = listening.createStatement()) {
                    String channel;
                    try (ResultSet name = listen.executeQuery("SELECT " + ChangeNotices.CHANNEL)) {
                        name.next();
                        channel = name.getString(1);
                    }
                    listen.execute("LISTEN " + channel);
                }
                pauseMillis = 100;
                PGConnection pg = listening.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                sink.missed();
                listen(pg, listening);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn(
                        "listening for other runtimes' changes failed ({}); connecting again in {} ms",
                        Database.rootMessage(e),
                        pauseMillis);
            } finally {
                connection = null;
                backendPid = 0;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
            pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
        }
    }

    int backendPid() {
        return backendPid;
    }

    private void listen(PGConnection pg, Connection listening) throws SQLException {
        int waits = 0;
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    Notice notice = Notice.parse(notification.getParameter());
                    if (notice != null) {
                        sink.changed(notice);
                    }
                }
            }
            if (++waits % WAITS_PER_CHECK == 0) {
                try (Statement check = listening.createStatement()) {
                    check.execute("SELECT 1");
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        // Bounded so that a dead server is noticed rather than waited on for ever.
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(settings.url(), properties);
    }

    @Override
    public void close() {
        closed = true;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
        thread.interrupt();
    }
}
