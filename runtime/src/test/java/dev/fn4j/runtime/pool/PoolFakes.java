package dev.fn4j.runtime.pool;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.TestFunctions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small recording fakes for driving a {@link FunctionPool} deterministically, without Docker. */
final class PoolFakes {

    private PoolFakes() {}

    static Function function(long revision, int concurrency, FunctionSpec.Scaling scaling) {
        return function("echo", revision, concurrency, scaling);
    }

    /** Revision 1 of the function {@code name}, one call at a time. */
    static Function named(String name, FunctionSpec.Scaling scaling) {
        return function(name, 1, 1, scaling);
    }

    private static Function function(String name, long revision, int concurrency, FunctionSpec.Scaling scaling) {
        return TestFunctions.function(name, revision, concurrency, scaling);
    }

    static FunctionSpec.Scaling scaling(int min, int max, int maxQueue) {
        return new FunctionSpec.Scaling(min, max, Duration.ofMinutes(1), maxQueue);
    }

    /** Fires scheduled tasks when the test advances its clock past their instant. */
    static final class ManualTimer implements DeadlineTimer {
        private record Task(Instant at, Runnable task, boolean[] cancelled) {}

        private final ManualClock clock;
        private final List<Task> tasks = new ArrayList<>();

        ManualTimer(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public Runnable schedule(Instant at, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(at, task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(Duration d) {
            clock.advance(d);
            List<Task> due = tasks.stream()
                    .filter(t -> !t.at().isAfter(clock.instant()))
                    .sorted(Comparator.comparing(Task::at))
                    .toList();
            tasks.removeAll(due);
            due.stream().filter(t -> !t.cancelled()[0]).forEach(t -> t.task().run());
        }
    }

    /** A host slot that answers every call at once and records whether it was closed. */
    static final class FakeConnection implements Connection {
        boolean open = true;

        @Override
        public Answer call(Frame.Invoke invoke) {
            return Answer.of(new Frame.Result(invoke.requestId(), List.of(), new byte[0]));
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Starts fake instances, or fails when told to; records every start. */
    static final class FakeLauncher implements Launcher {
        final List<Instance> launched = new ArrayList<>();
        private final Clock clock;
        boolean failing;
        /** What a failing start throws. */
        ErrorCode failure = ErrorCode.START_FAILED;

        FakeLauncher(Clock clock) {
            this.clock = clock;
        }

        /** Every launch asked for, failed ones too. */
        int attempts;

        @Override
        public Instance launch(Function function) {
            attempts++;
            if (failing) {
                throw new ApiException(failure, "handler missing");
            }
            List<FakeConnection> slots = new ArrayList<>();
            for (int i = 0; i < function.spec().concurrency(); i++) {
                slots.add(new FakeConnection());
            }
            Instance instance = new Instance(
                    "i" + launched.size(),
                    function,
                    "c" + launched.size(),
                    Path.of("/tmp/none"),
                    slots,
                    clock.instant());
            launched.add(instance);
            return instance;
        }
    }

    /** Records which instances were killed and why. */
    static final class RecordingKiller implements InstanceKiller {
        final List<String> killed = new ArrayList<>();

        @Override
        public void kill(Instance instance, String reason) {
            instance.kill(reason);
            killed.add(instance.id() + ": " + reason);
        }
    }

    /** Records each pause and unpause, or fails them when told to. */
    static final class RecordingFreezer implements InstanceFreezer {
        final List<String> calls = new ArrayList<>();
        boolean failPause;
        boolean failUnpause;

        @Override
        public void pause(Instance instance) {
            calls.add("pause " + instance.id());
            if (failPause) {
                throw new IllegalStateException("cgroup freezer stuck");
            }
        }

        @Override
        public void unpause(Instance instance) {
            calls.add("unpause " + instance.id());
            if (failUnpause) {
                throw new IllegalStateException("container is not paused");
            }
        }
    }
}
