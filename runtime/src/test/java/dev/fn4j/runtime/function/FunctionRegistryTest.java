package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {

    @Test
    void anUnknownFunctionIsA404ThatSaysHowToFindOrDeployOne() {
        ApiException notFound = FunctionRegistry.notFound("nope");

        assertThat(notFound.code()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND);
        assertThat(notFound.code().status()).isEqualTo(404);
        assertThat(notFound.getMessage())
                .isEqualTo(
                        "no function named 'nope'; list them with GET /v1/functions or deploy it with mvn fn:deploy");
    }
}
