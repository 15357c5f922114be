package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"a", "hello", "hello-world-2", "a23456789012345678901234567890123456789012345678901234567890123"
            })
    void acceptsDnsLabelLikeNames(String name) {
        assertThat(FunctionName.check(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Hello",
                "1abc",
                "abc-",
                "a_b",
                "../etc",
                "a;drop table",
                "a b",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsEverythingElseStatingTheRule(String name) {
        assertThatThrownBy(() -> FunctionName.check(name))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_NAME))
                .hasMessageEndingWith(": a name is " + FunctionName.RULE);
    }
}
