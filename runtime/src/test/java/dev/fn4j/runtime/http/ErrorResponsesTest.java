package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.EngineUnavailableException;
import dev.fn4j.runtime.engine.InvalidImageException;
import dev.fn4j.runtime.engine.LayersMissingException;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.store.StoreException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static void assertAnswer(Throwable failure, ErrorCode code, String message) {
        ApiException answer = ErrorResponses.toApi(failure);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.getMessage()).isEqualTo(message);
        assertThat(answer.getCause()).isSameAs(failure);
    }

    @Test
    void engineFailuresAnswerWithTheirOwnCodes() {
        assertAnswer(
                new EngineUnavailableException("no socket", null),
                ErrorCode.ENGINE_UNAVAILABLE,
                "the container engine is unavailable: no socket");
        assertAnswer(new InvalidImageException("not a tar"), ErrorCode.INVALID_IMAGE, "not a tar");
        assertAnswer(
                new LayersMissingException("abc/layer.tar"),
                ErrorCode.LAYERS_MISSING,
                new LayersMissingException("abc/layer.tar").getMessage());
        assertAnswer(
                new EngineException("pull failed"),
                ErrorCode.ENGINE_UNAVAILABLE,
                "the container engine failed: pull failed");
    }

    @Test
    void databaseFailuresAnswer503SayingToRetry() {
        assertAnswer(
                new StoreException("the database failed reading", null),
                ErrorCode.DATABASE_UNAVAILABLE,
                "the runtime's database failed; retry later,"
                        + " and see the runtime's log (the database failed reading)");
    }

    @Test
    void apiExceptionsPassAndAnythingElseIsAnInternalError() {
        ApiException own = new ApiException(ErrorCode.BAD_REQUEST, "no");
        assertThat(ErrorResponses.toApi(own)).isSameAs(own);
        assertAnswer(
                new IllegalStateException("bug"),
                ErrorCode.INTERNAL_ERROR,
                "the runtime failed unexpectedly (IllegalStateException); see the runtime's log");
    }
}
