package dev.fn4j.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void aNoticeReadsBackFromItsWireForm() {
        assertThat(Notice.function("hello").wire()).isEqualTo("function hello");
        assertThat(Notice.parse("function hello")).isEqualTo(Notice.function("hello"));
        assertThat(Notice.parse(Notice.key("0123456789ab").wire())).isEqualTo(Notice.key("0123456789ab"));
    }

    @Test
    void aPayloadThisRuntimeDoesNotKnowIsIgnored() {
        assertThat(Notice.parse("secret rotated")).isNull();
        assertThat(Notice.parse("function")).isNull();
        assertThat(Notice.parse("function ")).isNull();
        assertThat(Notice.parse("function a b")).isNull();
        assertThat(Notice.parse(null)).isNull();
    }

    @Test
    void aKeyWithASpaceIsRefused() {
        assertThatThrownBy(() -> Notice.function("a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a notice needs a kind and a key without spaces: FUNCTION 'a b'");
    }
}
