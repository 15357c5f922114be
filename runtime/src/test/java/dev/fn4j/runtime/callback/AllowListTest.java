package dev.fn4j.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {

    private final AllowList loopback = AllowList.of(List.of("http://127.0.0.1:*", "https://*.example.com/hooks/"));

    @Test
    void anAllowedDestinationPasses() {
        assertThat(loopback.check("http://127.0.0.1:8123/done?x=1")).hasPort(8123);
        assertThat(loopback.check("https://ci.example.com/hooks/fn4j")).hasHost("ci.example.com");
    }

    @Test
    void nothingIsAllowedByDefaultAndTheMessageSaysTheOperatorMustAllowIt() {
        assertThatThrownBy(() -> AllowList.of(List.of()).check("http://127.0.0.1:8123/"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALLBACK_NOT_ALLOWED))
                .hasMessage("X-Callback-Url 'http://127.0.0.1:8123/' is not allowed: this runtime allows no callback"
                        + " destinations; its operator must allow this one with --callback-allow");
    }

    @Test
    void destinationsOutsideThePatternsAreRefused() {
        for (String url : List.of(
                "http://10.0.0.1:8123/",
                "https://127.0.0.1:8123/",
                "https://example.com/hooks/",
                "https://ci.example.com/other",
                "https://ci.example.com:8443/hooks/",
                "http://127.0.0.1:80@evil.example/",
                "http://user@127.0.0.1:8123/",
                "file:///etc/passwd",
                "not a url")) {
            assertThatThrownBy(() -> loopback.check(url)).as(url).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void aMalformedPatternIsRefusedNamingIt() {
        assertThatThrownBy(() -> AllowList.of(List.of("127.0.0.1:*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(": '127.0.0.1:*'");
        assertThatThrownBy(() -> AllowList.of(List.of("http://*:*"))).hasMessageEndingWith(": 'http://*:*'");
    }
}
