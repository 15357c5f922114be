package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.function.Function;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One running container of one function revision and its host connections. A connection is
 * either idle here or leased to exactly one call. Once dead, an instance never serves again.
 */
public final class Instance {

    /** The instance's life: it serves while READY; DRAINING finishes leased calls only. */
    public enum State {
        READY,
        DRAINING,
        DEAD
    }

    private final String id;
    private final Function function;
    private final String containerId;
    private final Path socketDir;
    private final Instant startedAt;

    /** Connections not leased to a call; guarded by this. */
    private final Deque<Connection> idle;
    /** Calls holding a connection now; guarded by this; 0 ≤ inFlight ≤ connections given. */
    private int inFlight;

    private State state = State.READY;
    /** Why the instance died, for the calls it takes down with it; guarded by this. */
    private String deathReason;

    private Instant lastUsed;

    public Instance(
            String id,
            Function function,
            String containerId,
            Path socketDir,
            List<? extends Connection> connections,
            Instant startedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.function = Objects.requireNonNull(function, "function");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
        this.socketDir = Objects.requireNonNull(socketDir, "socketDir");
        this.idle = new ArrayDeque<>(connections);
        this.startedAt = startedAt;
        this.lastUsed = startedAt;
    }

    /** Leases an idle connection, or returns null when none is free or the instance is not READY. */
    public synchronized Connection tryAcquire() {
        if (state != State.READY || idle.isEmpty()) {
            return null;
        }
        inFlight++;
        return idle.pop();
    }

    /**
     * Returns a leased connection. A connection that closed, or any after the instance left
     * READY, is closed rather than kept. Returns true when the instance is now DRAINING and idle,
     * so the caller should remove it.
     */
    public synchronized boolean release(Connection connection, Instant now) {
        inFlight--;
        lastUsed = now;
        if (state == State.READY && connection.isOpen()) {
            idle.push(connection);
            return false;
        }
        connection.close();
        return state == State.DRAINING && inFlight == 0;
    }

    /**
     * Counts the instance as used at {@code now}: it was just resumed for waiting calls, so an idle
     * sweep before they lease it must not find it idle since before its pause and pause it again.
     */
    public synchronized void resumed(Instant now) {
        lastUsed = now;
    }

    /** Stops new leases; returns true when nothing is in flight, so it can go at once. */
    public synchronized boolean drain() {
        if (state == State.READY) {
            state = State.DRAINING;
        }
        return state == State.DRAINING && inFlight == 0;
    }

    /**
     * Marks the instance dead and closes its idle connections; leased ones fail as their calls
     * read. Returns false when it was already dead, so removal happens once.
     */
    public synchronized boolean kill(String reason) {
        if (state == State.DEAD) {
            return false;
        }
        state = State.DEAD;
        deathReason = reason;
        idle.forEach(Connection::close);
        idle.clear();
        return true;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized String deathReason() {
        return deathReason;
    }

    public synchronized Instant lastUsed() {
        return lastUsed;
    }

    public String id() {
        return id;
    }

    public Function function() {
        return function;
    }

    public String containerId() {
        return containerId;
    }

    public Path socketDir() {
        return socketDir;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
