package dev.fn4j.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.maven.core.GoalLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How the local runtime's process ends: on request (Ctrl-C) or by itself. */
class RuntimeProcessTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final GoalLog log = new GoalLog() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add(message);
        }

        @Override
        public void debug(String message) {}
    };

    @Test
    void aRuntimeStoppedOnRequestLetsTheGoalEndQuietlyOnceTheStopHasSaidSo() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.watch(sleeper(), log)) {
            Thread ctrlC = new Thread(runtime::stop, "ctrl-c");
            ctrlC.start();
            ctrlC.join();

            assertThat(runtime.isAlive()).isFalse();
            assertThat(runtime.stoppedOnRequest()).isTrue();
            assertThat(lines).contains("Stopping the local fn4j runtime; it removes its containers.");
        }
    }

    @Test
    void aRuntimeThatEndedByItselfWasNotStoppedOnRequest() throws Exception {
        Process process = sleeper();
        try (RuntimeProcess runtime = RuntimeProcess.watch(process, log)) {
            process.destroy();
            process.waitFor();

            assertThat(runtime.stoppedOnRequest()).isFalse();
        }
    }

    private static Process sleeper() throws Exception {
        return new ProcessBuilder("sleep", "60").redirectErrorStream(true).start();
    }
}
