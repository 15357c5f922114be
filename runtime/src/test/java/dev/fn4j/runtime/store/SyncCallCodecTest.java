package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncCallCodecTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00.123Z");

    @Test
    void everyFieldASyncCallKeepsComesBackAsWritten() {
        Invocation full =
                call("a", InvocationStatus.FAILED, Boolean.TRUE, "function_error", "boom \u2603", "line 1\nline 2");
        Invocation bare = call("b", InvocationStatus.SUCCEEDED, null, null, null, null);
        Invocation warm = call("c", InvocationStatus.TIMED_OUT, Boolean.FALSE, "function_timeout", "", "");

        List<Invocation> back = SyncCallCodec.decode("hello", SyncCallCodec.encode(List.of(full, bare, warm)));

        assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactly(full, bare, warm);
    }

    @Test
    void bytesCutShortAreRefusedNamingTheFunction() {
        byte[] page = SyncCallCodec.encode(List.of(call("a", InvocationStatus.SUCCEEDED, null, null, null, "logs")));

        assertThatThrownBy(() -> SyncCallCodec.decode("hello", Arrays.copyOf(page, page.length - 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sync call page of 'hello' is cut short");
    }

    @Test
    void anUnknownFormatIsRefused() {
        byte[] page = SyncCallCodec.encode(List.of());
        page[0] = 9;

        assertThatThrownBy(() -> SyncCallCodec.decode("hello", page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sync call page format 9");
    }

    private static Invocation call(
            String id, InvocationStatus status, Boolean cold, String code, String message, String logs) {
        String type = status == InvocationStatus.SUCCEEDED ? "application/json" : null;
        Outcome outcome = new Outcome(status, T0.plusMillis(17), cold, null, type, code, message, logs);
        return Invocation.sync(id, "hello", 3, T0, outcome, "POST", "/fn/hello/x");
    }
}
