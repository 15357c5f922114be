package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvocationIdsTest {

    @Test
    void acceptsRequestIds() {
        assertThat(InvocationIds.check("6af48c0a50ebdc676a4a")).isEqualTo("6af48c0a50ebdc676a4a");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../etc/passwd",
                "..",
                "1';DROP TABLE invocations;--",
                "6AF48C0A50EBDC676A4A",
                "6af48c0a 50eb",
                "%00",
                "abc\n"
            })
    void rejectsAnythingButLowerCaseHex(String id) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> InvocationIds.check(id));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
        assertThat(e.code().status()).isEqualTo(400);
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void rejectsOverlongIdsWithoutEchoingThem() {
        String id = "a".repeat(10_000);
        ApiException e = catchThrowableOfType(ApiException.class, () -> InvocationIds.check(id));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
        assertThat(e.getMessage()).contains("10000 characters").hasSizeLessThan(300);
        assertThat(InvocationIds.check("a".repeat(64))).hasSize(64);
    }
}
