package dev.fn4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retries setting: its text form, its defaults, its messages and its backoff ceilings. */
class RetryPolicyTest {

    @Test
    void aBareNumberRetriesEveryFailureWithTheDefaultBackoff() {
        RetryPolicy policy = Field.RETRIES.parse("3");

        assertThat(policy).isEqualTo(RetryPolicy.of(3));
        assertThat(policy.on()).isEqualTo(EnumSet.allOf(RetryPolicy.Failure.class));
        assertThat(Field.RETRIES.format(policy)).isEqualTo("3");
    }

    @Test
    void everyPartReadsBackAsWritten() {
        RetryPolicy policy = Field.RETRIES.parse("5, backoff=250ms, maxBackoff=10s, on=error+crash");

        assertThat(policy)
                .isEqualTo(new RetryPolicy(
                        5,
                        Duration.ofMillis(250),
                        Duration.ofSeconds(10),
                        Set.of(RetryPolicy.Failure.ERROR, RetryPolicy.Failure.CRASH)));
        assertThat(policy.format()).isEqualTo("5,backoff=250ms,maxBackoff=10s,on=error+crash");
        assertThat(RetryPolicy.parse("retries", policy.format())).isEqualTo(policy);
    }

    @Test
    void aLongBackoffRaisesTheDefaultCap() {
        assertThat(Field.RETRIES.parse("2,backoff=5m").maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theCeilingDoublesFromTheBackoffUpToTheCap() {
        RetryPolicy policy = Field.RETRIES.parse("10,backoff=1s,maxBackoff=5s");

        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.ceiling(100)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badValuesAreNamedWithTheFix() {
        assertThat(bad("lots").problem()).isEqualTo("not a retry policy");
        assertThat(bad("lots").value()).isEqualTo("lots");
        assertThat(bad("lots").field()).isEqualTo("retries");
        assertThat(bad("0")).hasMessage("use 1 to 100 retries");
        assertThat(bad("101").isOutOfRange()).isTrue();
        assertThat(bad("3,backoff=soon")).hasMessage("write backoff as <n>ms, <n>s or <n>m, e.g. backoff=1s");
        assertThat(bad("3,backoff=61m")).hasMessage("use a backoff from 1ms to 60m");
        assertThat(bad("3,backoff=10s,maxBackoff=1s")).hasMessage("use a maxBackoff of at least the backoff");
        assertThat(bad("3,on=error+oops"))
                .hasMessage("'oops' is not a failure; write on= as error, timeout or crash joined by +,"
                        + " e.g. on=error+crash");
        assertThat(bad("3,jitter=none").getMessage()).startsWith("'jitter' is not a retry setting; use <retries>");
    }

    private static SpecException bad(String text) {
        return catchThrowableOfType(SpecException.class, () -> Field.RETRIES.parse(text));
    }
}
