package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.test.fns.Booking;
import dev.fn4j.test.fns.Hotel;
import dev.fn4j.test.fns.Lookup;
import dev.fn4j.test.fns.Paths;
import dev.fn4j.test.fns.Reverser;
import dev.fn4j.test.fns.Shouter;
import dev.fn4j.test.fns.Stay;
import dev.fn4j.test.fns.Unwritable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final LocalFunction hotel = LocalFunction.builder(new Hotel())
            .functionName("hotel")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .timeout(Duration.ofSeconds(10))
            .config("RATE", "80.50")
            .build();

    @Test
    void mapsRecordsJavaTimeAndOptionalAsTheDeployedFunctionDoes() {
        FnResponse response = hotel.invokeJson(
                        "{\"guest\":\"Ada\",\"since\":\"2026-12-05\",\"nights\":3,\"note\":\"late\"}")
                .expectSuccess();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.text())
                .isEqualTo("{\"guest\":\"Ada\",\"until\":\"2026-12-08\",\"stay\":\"PT72H\","
                        + "\"deadline\":\"2026-12-05T10:00:10Z\",\"price\":241.50,\"note\":\"LATE\"}");
        assertThat(response.as(Booking.class))
                .isEqualTo(new Booking(
                        "Ada",
                        LocalDate.parse("2026-12-08"),
                        Duration.ofDays(3),
                        NOW.plusSeconds(10),
                        new BigDecimal("241.50"),
                        Optional.of("LATE")));
    }

    @Test
    void writesAJavaValueAsTheProductionMappingDoes() {
        FnResponse response = hotel.invoke(new Stay("Bo", LocalDate.parse("2026-01-30"), 2, Optional.empty()));

        assertThat(response.expectSuccess().as(Booking.class).until()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(response.text()).contains("\"note\":null");
    }

    @Test
    void reportsABadDateAsThePlatformDoes() {
        FnResponse response = hotel.invokeJson("{\"guest\":\"Ada\",\"since\":\"tuesday\",\"nights\":1}");

        FnError error = response.expectError("bad_input");
        assertThat(error.status()).isEqualTo(400);
        assertThat(response.status()).isEqualTo(400);
        assertThat(error.message())
                .startsWith("function 'hotel': the body is not JSON for dev.fn4j.test.fns.Stay: ")
                .endsWith("expected a date such as 2026-12-05, got \"tuesday\" (at $.since)");
    }

    @Test
    void reportsAThrownExceptionAsAFunctionError() {
        FnResponse response = hotel.invokeJson("{\"guest\":\"Ada\",\"since\":\"2026-12-05\",\"nights\":0}");

        FnError error = response.expectError("function_error");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.message())
                .isEqualTo("java.lang.IllegalArgumentException: a stay needs at least one night, got 0");
        assertThat(error.errorType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.stackTrace()).contains("at dev.fn4j.test.fns.Hotel.handle");
    }

    @Test
    void reportsAnUnwritableOutputAsBadOutput() {
        FnResponse response = LocalFunction.of(new Unwritable()).invokeText("x");

        FnError error = response.expectError("bad_output");
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.message()).startsWith("function 'test-function': cannot write the output ");
    }

    @Test
    void failsExpectSuccessWithThePlatformsCodeMessageAndLogs() {
        FnResponse response = hotel.invokeJson("{\"since\":\"2026-12-05\",\"nights\":0}");

        assertThatThrownBy(response::expectSuccess)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected the call test-request-1 to succeed, but the platform would answer "
                        + "500 function_error: java.lang.IllegalArgumentException: a stay needs at least one night");
    }

    @Test
    void capturesTheLoggerAndSystemOutOfEachCall() {
        FnResponse response = hotel.invokeJson("{\"guest\":\"Ada\",\"since\":\"2026-12-05\",\"nights\":2}");

        assertThat(response.logLines())
                .containsExactly(
                        "2026-12-05T10:00:00Z INFO [test-request-1] booking Ada for 2 nights",
                        "printed by the handler");
        FnResponse second = hotel.invokeJson("{\"guest\":\"Bo\",\"since\":\"2026-12-05\",\"nights\":1}");
        assertThat(second.requestId()).isEqualTo("test-request-2");
        assertThat(second.logs()).doesNotContain("Ada").contains("[test-request-2] booking Bo");
    }

    @Test
    void mapsOptionalInputAndAnEmptyOptionalOutput() {
        LocalFunction lookup = LocalFunction.of(new Lookup());

        assertThat(lookup.invokeJson("\"known\"").expectSuccess().text()).isEqualTo("\"found known\"");
        FnResponse empty = lookup.invokeJson("\"other\"").expectSuccess();
        assertThat(empty.bytes()).isEmpty();
        assertThat(empty.contentType()).isNull();
        assertThat(lookup.invokeBytes(new byte[0]).expectSuccess().bytes()).isEmpty();
    }

    @Test
    void passesTextAndBytesUnchanged() {
        assertThat(LocalFunction.of(new Shouter())
                        .invokeText("héllo")
                        .expectSuccess()
                        .text())
                .isEqualTo("HÉLLO");
        assertThat(LocalFunction.of(new Reverser())
                        .invokeBytes(new byte[] {1, 2, 3})
                        .expectSuccess()
                        .bytes())
                .containsExactly(3, 2, 1);
    }

    @Test
    void callsAnHttpHandlerWithMethodPathAndQuery() {
        FnResponse response = LocalFunction.of(new Paths())
                .http("get", "/orders/7?expand=items", Map.of("Accept", "text/plain"), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text()).isEqualTo("GET /orders/7?expand=items");
    }

    @Test
    void loadsAHandlerByClassNameAsADeployDoes() {
        LocalFunction shouter = LocalFunction.load("dev.fn4j.test.fns.Shouter").build();

        assertThat(shouter.invokeText("ok").expectSuccess().text()).isEqualTo("OK");
    }

    @Test
    void refusesAClassThePlatformCouldNotRun() {
        assertThatThrownBy(() ->
                        LocalFunction.load("dev.fn4j.test.fns.NotAHandler").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handler dev.fn4j.test.fns.NotAHandler: implements neither dev.fn4j.api.Handler nor "
                        + "dev.fn4j.api.HttpHandler");
        assertThatThrownBy(() -> LocalFunction.load("dev.fn4j.test.fns.Missing").build())
                .hasMessage("handler dev.fn4j.test.fns.Missing: class not found on the classpath");
    }

    @Test
    void failsReadingBackAnOutputOfAnotherShape() {
        FnResponse response = LocalFunction.of(new Shouter()).invokeText("x");

        assertThat(response.as(String.class)).isEqualTo("X");
        assertThatThrownBy(() -> response.as(Booking.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the output does not read back as dev.fn4j.test.fns.Booking: ");
        assertThat(new String(response.bytes(), StandardCharsets.UTF_8)).isEqualTo("X");
    }
}
