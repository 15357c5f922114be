package dev.fn4j.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ExpectedFailuresTest {

    @Test
    void aClientHangingUpIsExpectedHoweverItIsWrapped() {
        assertThat(ExpectedFailures.clientHungUp(new IOException("Broken pipe")))
                .isTrue();
        assertThat(ExpectedFailures.clientHungUp(new IOException("Connection reset by peer")))
                .isTrue();
        assertThat(ExpectedFailures.clientHungUp(
                        new IOException("UT000128: Remote peer closed connection before all data could be read")))
                .isTrue();
        assertThat(ExpectedFailures.clientHungUp(new ClosedChannelException())).isTrue();
        assertThat(ExpectedFailures.clientHungUp(new UncheckedIOException(new IOException("Broken pipe"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ExpectedFailures.clientHungUp(new IOException("No space left on device")))
                .isFalse();
        assertThat(ExpectedFailures.clientHungUp(new NoSuchFileException("/data/x")))
                .isFalse();
        assertThat(ExpectedFailures.clientHungUp(new EOFException("archive ends early")))
                .isFalse();
        assertThat(ExpectedFailures.clientHungUp(new IllegalStateException("broken pipe")))
                .isFalse();
        assertThat(ExpectedFailures.clientHungUp(new IOException((String) null)))
                .isFalse();
    }
}
