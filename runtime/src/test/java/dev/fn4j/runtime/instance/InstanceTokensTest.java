package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.TokenPreamble;
import dev.fn4j.runtime.testing.ManualClock;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InstanceTokensTest {

    private final ManualClock clock = new ManualClock();
    private final InstanceTokens tokens = new InstanceTokens(clock);
    private final Consumer<SocketChannel> sink = channel -> {};

    private static TokenPreamble.Presented presented(String instanceId, String token) {
        return new TokenPreamble.Presented(instanceId, HexFormat.of().parseHex(token));
    }

    @Test
    void issuesThirtyTwoRandomBytesAsHex() {
        String first = tokens.issue("i1", 1, Duration.ofSeconds(30), sink);
        String second = tokens.issue("i2", 1, Duration.ofSeconds(30), sink);
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void admitsTheRightTokenOncePerSlotThenRefusesItsReuse() {
        String token = tokens.issue("i1", 2, Duration.ofSeconds(30), sink);
        assertThat(tokens.admit(presented("i1", token))).isSameAs(sink);
        assertThat(tokens.admit(presented("i1", token))).isSameAs(sink);
        assertThat(tokens.admit(presented("i1", token))).isNull();
        assertThat(tokens.outstanding()).isZero();
    }

    @Test
    void refusesAWrongTokenAndKeepsTheGrantForTheRightOne() {
        String token = tokens.issue("i1", 1, Duration.ofSeconds(30), sink);
        String wrong = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        assertThat(tokens.admit(presented("i1", wrong))).isNull();
        assertThat(tokens.admit(presented("i1", token))).isSameAs(sink);
    }

    @Test
    void refusesAnotherInstancesToken() {
        String token = tokens.issue("i1", 1, Duration.ofSeconds(30), sink);
        tokens.issue("i2", 1, Duration.ofSeconds(30), sink);
        assertThat(tokens.admit(presented("i2", token))).isNull();
        assertThat(tokens.admit(presented("i3", token))).isNull();
    }

    @Test
    void refusesAnExpiredTokenAndForgetsIt() {
        String token = tokens.issue("i1", 1, Duration.ofSeconds(30), sink);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokens.admit(presented("i1", token))).isNull();
        assertThat(tokens.outstanding()).isZero();
    }

    @Test
    void refusesARevokedToken() {
        String token = tokens.issue("i1", 1, Duration.ofSeconds(30), sink);
        tokens.revoke("i1");
        assertThat(tokens.admit(presented("i1", token))).isNull();
    }
}
