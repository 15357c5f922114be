package dev.fn4j.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerStatusTest {

    @Test
    void anAnswerWithoutAStatusIs200() {
        assertThat(AnswerStatus.parse(null)).isEqualTo(200);
    }

    @Test
    void finalStatusesFrom200To599AreAdmitted() {
        for (int status = 200; status <= 599; status++) {
            assertThat(AnswerStatus.parse(Integer.toString(status))).isEqualTo(status);
        }
    }

    @Test
    void interimStatusesAreRefused() {
        for (String status : List.of("100", "101", "102", "103", "199")) {
            assertThat(AnswerStatus.parse(status)).as(status).isEqualTo(-1);
        }
    }

    @Test
    void whatIsNotAStatusIsRefused() {
        for (String status : List.of("", "0", "099", "600", "999", "2000", "+20", " 200", "20a", "abc")) {
            assertThat(AnswerStatus.parse(status)).as("'%s'", status).isEqualTo(-1);
        }
    }

    @Test
    void theProblemNamesTheStatusAndTheRule() {
        assertThat(AnswerStatus.problem("web", "101"))
                .isEqualTo("function 'web' answered HTTP status 101, an interim status that belongs to the"
                        + " connection, not to one answer; answer with a final status, 200 to 599");
        assertThat(AnswerStatus.problem("web", "abc"))
                .isEqualTo("function 'web' answered 'abc', which is not an HTTP status; answer with a status"
                        + " from 200 to 599");
    }

    @Test
    void aResultReadsItsStatus() {
        assertThat(result(List.of(new Frame.Header(Protocol.STATUS, "418"))).status())
                .isEqualTo(418);
        assertThat(result(List.of()).status()).isEqualTo(200);
        assertThatThrownBy(() -> result(List.of(new Frame.Header(Protocol.STATUS, "101")))
                        .status())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not a final HTTP status: 101");
    }

    private static InvocationResult result(List<Frame.Header> headers) {
        return new InvocationResult(false, "instance", headers, new byte[0], Duration.ZERO);
    }
}
