package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.test.fns.Booking;
import dev.fn4j.test.fns.Frontdesk;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The function in its real locked-down container answers as {@link LocalFunction} predicts. */
@FnContainerTest(
        handler = "dev.fn4j.test.fns.Frontdesk",
        name = "frontdesk",
        settings = {"timeout=3s", "memory=128m"},
        env = {"RATE=80.50"},
        containerLabel = "dev.fn4j.test=true")
class FnContainerTestIT {

    private static final String BAD_DATE = "{\"guest\":\"Ada\",\"since\":\"tuesday\",\"nights\":1}";
    private static final String NO_NIGHTS = "{\"guest\":\"Ada\",\"since\":\"2026-12-05\",\"nights\":0}";

    private final LocalFunction local = LocalFunction.builder(new Frontdesk())
            .functionName("frontdesk")
            .config("RATE", "80.50")
            .build();

    @Test
    void answersWithTheMappedOutput(FnSandbox sandbox) {
        FnResponse response = sandbox.invokeJson(
                        "{\"guest\":\"Ada\",\"since\":\"2026-12-05\",\"nights\":2,\"note\":\"late\"}")
                .expectSuccess();

        Booking booking = response.as(Booking.class);
        assertThat(booking.until()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(booking.price()).isEqualByComparingTo(new BigDecimal("161.00"));
        assertThat(booking.note()).contains("LATE");
        assertThat(response.contentType()).startsWith("application/json");
    }

    @Test
    void reportsBadInputExactlyAsTheLocalFunctionPredicts(FnSandbox sandbox) {
        FnError deployed = sandbox.invokeJson(BAD_DATE).expectError("bad_input");

        assertThat(deployed.message()).endsWith("expected a date such as 2026-12-05, got \"tuesday\" (at $.since)");
        assertThat(deployed.toString())
                .isEqualTo(local.invokeJson(BAD_DATE).expectError("bad_input").toString());
    }

    @Test
    void reportsAThrownExceptionExactlyAsTheLocalFunctionPredicts(FnSandbox sandbox) {
        FnError deployed = sandbox.invokeJson(NO_NIGHTS).expectError("function_error");
        FnError predicted = local.invokeJson(NO_NIGHTS).expectError("function_error");

        assertThat(deployed.status()).isEqualTo(predicted.status());
        assertThat(deployed.message()).isEqualTo(predicted.message());
        assertThat(deployed.errorType()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void runsOnAReadOnlyRootFileSystemWithAWritableTmp(FnSandbox sandbox) {
        FnError error = sandbox.invokeJson("{\"guest\":\"writer\",\"since\":\"2026-12-05\",\"nights\":1}")
                .expectError("function_error");

        assertThat(error.message()).contains("/fn4j-probe").contains("Read-only file system");
    }

    @Test
    void stopsACallPastTheFunctionsTimeout(FnSandbox sandbox) {
        FnError error = sandbox.invokeJson("{\"guest\":\"sleeper\",\"since\":\"2026-12-05\",\"nights\":1}")
                .expectError("function_timeout");

        assertThat(error.status()).isEqualTo(504);
        assertThat(error.message()).contains("did not answer within its timeout of 3s");
    }
}
