package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.stats.Window;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsApiTest {

    private static HttpServerExchange withWindow(String... values) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        for (String value : values) {
            exchange.addQueryParam("window", value);
        }
        return exchange;
    }

    @Test
    void theWindowIsAnHourUnlessADayIsAskedFor() {
        assertThat(StatsApi.window(withWindow())).isEqualTo(Window.HOUR);
        assertThat(StatsApi.window(withWindow("1h"))).isEqualTo(Window.HOUR);
        assertThat(StatsApi.window(withWindow(" 1d "))).isEqualTo(Window.DAY);
    }

    @Test
    void anyOtherWindowIsRefusedWithItsValue() {
        for (String bad : List.of("", "2h", "1w", "60m", "1D")) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> StatsApi.window(withWindow(bad)));
            assertThat(e.code()).as(bad).isEqualTo(ErrorCode.INVALID_WINDOW);
            assertThat(e.getMessage()).as(bad).contains("\"window\"", "1h", "1d", "'" + bad + "'");
        }
    }
}
