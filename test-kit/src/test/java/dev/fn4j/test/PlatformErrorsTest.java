package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The kit's errors keep the codes, statuses and messages of the runtime's own. */
class PlatformErrorsTest {

    @Test
    void reportsAThrownExceptionWithTheRuntimesFunctionErrorCode() {
        FnError error = PlatformErrors.of(new Frame.FunctionError("r", "java.io.IOException", "disk full", "trace"));

        assertThat(error.code()).isEqualTo(ErrorCode.FUNCTION_ERROR.code());
        assertThat(error.status()).isEqualTo(ErrorCode.FUNCTION_ERROR.status());
        assertThat(error.message()).isEqualTo("java.io.IOException: disk full");
        assertThat(PlatformErrors.of(new Frame.FunctionError("r", "java.io.IOException", "", "trace"))
                        .message())
                .isEqualTo("java.io.IOException");
    }

    @Test
    void reportsEachHostErrorWithTheRuntimesCodeAndStatus() {
        assertSame(Protocol.BAD_INPUT, ErrorCode.BAD_INPUT);
        assertSame(Protocol.BAD_OUTPUT, ErrorCode.BAD_OUTPUT);
        assertSame(Protocol.OUT_OF_MEMORY, ErrorCode.OUT_OF_MEMORY);
        assertSame(Protocol.HANDLER_FAILED, ErrorCode.FUNCTION_CRASHED);
    }

    private static void assertSame(String hostCode, ErrorCode runtimeCode) {
        FnError error = PlatformErrors.of(new Frame.PlatformError("r", hostCode, "why", false), "hotel");

        assertThat(error.code()).isEqualTo(runtimeCode.code());
        assertThat(error.status()).isEqualTo(runtimeCode.status());
        assertThat(error.message()).isEqualTo("function 'hotel': why");
    }
}
