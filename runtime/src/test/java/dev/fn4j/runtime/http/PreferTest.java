package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferTest {

    @Test
    void findsRespondAsyncAloneAmongOthersAndInAnyCase() {
        assertThat(Prefer.respondAsync(List.of("respond-async"))).isTrue();
        assertThat(Prefer.respondAsync(List.of("return=minimal, respond-async")))
                .isTrue();
        assertThat(Prefer.respondAsync(List.of("wait=10", " Respond-Async ;x=1")))
                .isTrue();
    }

    @Test
    void ignoresOtherPreferencesAndLookalikes() {
        assertThat(Prefer.respondAsync(null)).isFalse();
        assertThat(Prefer.respondAsync(List.of())).isFalse();
        assertThat(Prefer.respondAsync(List.of("return=representation"))).isFalse();
        assertThat(Prefer.respondAsync(List.of("respond-asynchronously"))).isFalse();
        assertThat(Prefer.respondAsync(List.of("x=respond-async"))).isFalse();
    }
}
