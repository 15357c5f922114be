package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import java.time.Duration;
import java.util.List;

/**
 * Reads what an instance that failed a call left behind, before its container is removed: how
 * it ended, and its last output, which stands in for the logs its host could not send. Blocks
 * on the engine.
 */
public final class InstanceInspector {

    /** How long a crashed container may take to show its final state. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    /** How many of a dead instance's last output lines stand in for the logs it could not send. */
    static final int TAIL_LINES = 100;
    /** The most characters of those lines kept, the last ones. */
    static final int TAIL_CHARS = Protocol.DEFAULT_LOG_LIMIT_BYTES;

    private final ContainerEngine engine;

    public InstanceInspector(ContainerEngine engine) {
        this.engine = engine;
    }

    /**
     * How an instance ended during a call.
     *
     * @param outOfMemory whether the kernel killed it for exceeding its memory limit
     * @param how the end in words, for an error message: "exited with code 1", …
     */
    public record Death(boolean outOfMemory, String how) {}

    /**
     * How the instance ended, waiting briefly for its container's final state; an instance the
     * runtime had killed for another reason ({@code killedBy}, read when the call failed, or
     * null) ended that way, whatever its container shows.
     */
    public Death death(Instance instance, String killedBy) {
        if (killedBy != null) {
            return new Death(false, "was stopped (" + killedBy + ")");
        }
        ContainerState state;
        try {
            state = engine.awaitStopped(instance.containerId(), EXIT_GRACE);
        } catch (EngineException e) {
            state = null;
        }
        if (state == null) {
            return new Death(false, "disappeared");
        }
        return new Death(
                state.oomKilled(), state.running() ? "closed its connection" : "exited with code " + state.exitCode());
    }

    /**
     * The instance's last output lines. They may include output of earlier or concurrent calls
     * on that instance. Empty when the instance was already killed for another reason (its
     * container may be gone) or the engine has none.
     */
    public String lastOutput(Instance instance) {
        if (instance.deathReason() != null) {
            return "";
        }
        try {
            return tail(engine.logTail(instance.containerId(), TAIL_LINES));
        } catch (EngineException e) {
            return "";
        }
    }

    /** The lines, one per line, keeping the last {@link #TAIL_CHARS} characters. */
    static String tail(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        String text = String.join("\n", lines) + "\n";
        if (text.length() <= TAIL_CHARS) {
            return text;
        }
        String kept = text.substring(text.length() - TAIL_CHARS);
        int lineStart = kept.indexOf('\n') + 1;
        return "… [fn4j: earlier output cut]\n"
                + (lineStart > 0 && lineStart < kept.length() ? kept.substring(lineStart) : kept);
    }
}
