package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationHistoryApiTest {

    private static ArrayDeque<String> values(String... values) {
        return new ArrayDeque<>(List.of(values));
    }

    @Test
    void aHistoryLimitDefaultsTo20AndTakes1To100() {
        assertThat(InvocationHistoryApi.limit(null)).isEqualTo(20);
        assertThat(InvocationHistoryApi.limit(values())).isEqualTo(20);
        assertThat(InvocationHistoryApi.limit(values("1"))).isEqualTo(1);
        assertThat(InvocationHistoryApi.limit(values(" 100 "))).isEqualTo(100);
    }

    @Test
    void anyOtherLimitIsABadRequestNamingIt() {
        for (String bad : List.of("0", "101", "-1", "abc", "1e2", "99999999999")) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> InvocationHistoryApi.limit(values(bad)));
            assertThat(e.code()).as(bad).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).contains("\"limit\"", "1 to 100", bad);
        }
    }
}
